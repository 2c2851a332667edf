import Foundation

/// Where a TM in PostgreSQL is: `postgresql://user[:password]@host[:port]/database`, with
/// `?host=/run/postgresql` for a Unix socket folder. What the URL leaves out comes from
/// libpq's variables (`PGUSER`, `PGPASSWORD`, `PGHOST`, `PGPORT`, `PGDATABASE`), so a
/// password need not appear on a command line. The password never appears in ``description``.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    /// A host name, or a folder holding the server's Unix socket (starts with `/`).
    public var host: String
    public var port: Int
    public var database: String

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Parses a `postgresql://` URL, taking what it leaves out from `environment`.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresAddressError) {
        guard Self.isAddress(text), let components = URLComponents(string: text) else {
            throw PostgresAddressError(address: Self.redacted(text), problem: "it is not a postgresql://user@host:port/database URL")
        }
        let query = components.queryItems ?? []
        if let unknown = query.first(where: { !["host", "port", "user", "password", "dbname"].contains($0.name) }) {
            throw PostgresAddressError(address: Self.redacted(text), problem: "the parameter \(unknown.name) is not one Kioku reads (host, port, user, password, dbname)")
        }
        func parameter(_ name: String) -> String? { query.first { $0.name == name }?.value.flatMap { $0.isEmpty ? nil : $0 } }
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        user = nonEmpty(components.user?.removingPercentEncoding) ?? parameter("user") ?? nonEmpty(environment["PGUSER"])
            ?? nonEmpty(environment["USER"]) ?? "postgres"
        password = nonEmpty(components.password?.removingPercentEncoding) ?? parameter("password") ?? nonEmpty(environment["PGPASSWORD"])
        host = nonEmpty(components.host?.removingPercentEncoding) ?? parameter("host") ?? nonEmpty(environment["PGHOST"]) ?? "localhost"
        let portText = components.port.map(String.init) ?? parameter("port") ?? nonEmpty(environment["PGPORT"]) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw PostgresAddressError(address: Self.redacted(text), problem: "the port \(portText) is not a number from 1 to 65535")
        }
        self.port = port
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard let database = nonEmpty(path.removingPercentEncoding) ?? parameter("dbname") ?? nonEmpty(environment["PGDATABASE"]) else {
            throw PostgresAddressError(address: Self.redacted(text), problem: "it names no database (postgresql://user@host:port/DATABASE)")
        }
        self.database = database
    }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    /// Whether ``host`` is a Unix socket folder.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// The address as a URL without the password: what messages and logs show.
    public var description: String {
        let server = isSocket ? "" : host + ":\(port)"
        let socket = isSocket ? "?host=\(host)" + (port == 5432 ? "" : "&port=\(port)") : ""
        return "postgresql://\(user)@\(server)/\(database)\(socket)"
    }

    /// The same server with another database (tests make one per test).
    public func with(database: String) -> PostgresAddress {
        var copy = self
        copy.database = database
        return copy
    }

    /// `text` with any password between `:` and `@` blanked, for an error about a URL that did not parse.
    public static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound <= at,
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return text.replacingCharacters(in: text.index(after: colon)..<at, with: "***")
    }
}

/// A `postgresql://` address that cannot be used, and why.
public struct PostgresAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address as given, with any password blanked.
    public var address: String
    public var problem: String

    public init(address: String, problem: String) {
        self.address = address
        self.problem = problem
    }

    public var description: String { "\(address): \(problem)" }
}
