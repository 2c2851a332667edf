import Foundation
import GRDB
import GRDBSQLite
import KiokuFormats
import KiokuText

/// What to do while importing.
public struct ImportOptions {
    /// Keep only these languages (a unit left with fewer than two is skipped); nil keeps all.
    public var languages: [LanguageTag]?
    /// How many skips to list in the report one by one (all are counted).
    public var maximumListedSkips: Int
    /// Decides, unit by unit, whether to store it, keep it out, or store it flagged (e.g. a
    /// glossary check). Runs on the writing thread.
    public var screen: ((TranslationUnit, SourceLocation) -> Screening)?

    public init(languages: [LanguageTag]? = nil, maximumListedSkips: Int = 50,
                screen: ((TranslationUnit, SourceLocation) -> Screening)? = nil) {
        self.languages = languages
        self.maximumListedSkips = maximumListedSkips
        self.screen = screen
    }
}

/// A screen's verdict on a unit being imported.
public enum Screening {
    case accept
    /// Keep the unit out of the TM; the reason is listed in the report.
    case reject(String)
    /// Store the unit with the reason as its `x-kioku-flag` property (exported with it).
    case flag(String)
}

/// How far an import has got: units read, and bytes of all its files.
public struct ImportProgress: Sendable {
    public var units: Int
    public var bytesRead: Int64
    public var totalBytes: Int64

    /// 0…1, or nil when the size is unknown.
    public var fraction: Double? { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : nil }
}

/// What an import did.
public struct ImportReport: Sendable, Codable {
    public var files: [String] = []
    /// Units stored anew.
    public var added = 0
    /// Units identical to one already in the TM (or earlier in the input): stored once.
    public var duplicates = 0
    /// Units the readers could not use, counted.
    public var skipped = 0
    /// The first skips, each with file, line and why.
    public var skips: [Skip] = []
    /// Notices from the readers (e.g. which srclang was assumed).
    public var notices: [String] = []
    /// Units a screen kept out, counted, and the first of them with why.
    public var rejected = 0
    public var rejections: [Skip] = []
    /// Units stored with a flag.
    public var flagged = 0
    /// Units in the TM after the import.
    public var unitsInMemory = 0

    public init() {}
}

extension TranslationMemory {
    /// The property that carries a screen's flag on a stored unit.
    public static let flagProperty = "x-kioku-flag"

    /// One input of an import: a reader and the name its units are recorded under.
    public struct ImportSource {
        public var origin: String
        public var reader: any UnitReader

        public init(origin: String, reader: any UnitReader) {
            self.origin = origin
            self.reader = reader
        }
    }

    /// Imports every unit of every source in one transaction. On any error the TM is
    /// left exactly as it was and the error names the file and line.
    ///
    /// The readers run on a second thread, ahead of the writer (see `ReadAhead`).
    ///
    /// - Parameter progress: called now and then with how far the import has got.
    public func importUnits(from sources: [ImportSource], options: ImportOptions = ImportOptions(),
                            progress: ((ImportProgress) -> Void)? = nil) throws(MemoryError) -> ImportReport {
        var report = ImportReport()
        defer { noteWrite() }
        let readAhead = ReadAhead(readers: sources.map(\.reader))
        do {
            try database.write { db in
                let writer = try UnitInserter(db: db)
                var seen = 0
                var sourceIndex = 0
                var originID = try writer.origin(sources.first?.origin ?? "")
                report.files = sources.map(\.origin)
                while let (batch, position) = try readAhead.next() {
                    for item in batch {
                        switch item {
                        case .endOfSource:
                            sourceIndex += 1
                            if sourceIndex < sources.count { originID = try writer.origin(sources[sourceIndex].origin) }
                        case .skip(let skip):
                            seen += 1
                            report.count(skip, options)
                        case .unit(var unit, let location, var hash):
                            seen += 1
                            if let languages = options.languages {
                                unit.variants.removeAll { variant in !languages.contains { $0.covers(variant.language) } }
                                if unit.variants.count < 2 {
                                    report.count(Skip(location: location, reason: "fewer than two of the languages asked for (\(languages.map(\.identifier).joined(separator: ",")))"), options)
                                    continue
                                }
                                if let source = unit.sourceLanguage, !unit.variants.contains(where: { $0.language == source }) {
                                    unit.sourceLanguage = unit.variants[0].language
                                }
                                hash = ContentHash.of(unit)
                            }
                            if let screen = options.screen {
                                switch screen(unit, location) {
                                case .accept:
                                    break
                                case .reject(let reason):
                                    report.rejected += 1
                                    if report.rejections.count < options.maximumListedSkips {
                                        report.rejections.append(Skip(location: location, reason: reason))
                                    }
                                    continue
                                case .flag(let reason):
                                    unit.metadata.properties.removeAll { $0.type == Self.flagProperty }
                                    unit.metadata.properties.append(Property(type: Self.flagProperty, value: reason))
                                    report.flagged += 1
                                }
                            }
                            if try writer.insert(unit, hash: hash, origin: originID) { report.added += 1 } else { report.duplicates += 1 }
                        }
                    }
                    progress?(ImportProgress(units: seen, bytesRead: position.bytesRead, totalBytes: position.totalBytes))
                }
                report.notices = sources.flatMap(\.reader.notices)
                report.unitsInMemory = try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
            }
        } catch {
            readAhead.cancel()
            throw databaseError(error)
        }
        return report
    }

    /// Adds units directly (from code, not a file), in one transaction.
    @discardableResult
    public func add(_ units: [TranslationUnit], origin: String = "api") throws(MemoryError) -> ImportReport {
        final class ArrayReader: UnitReader {
            var items: IndexingIterator<[TranslationUnit]>
            var notices: [String] { [] }
            var progress: ReadProgress { ReadProgress(bytesRead: 0, totalBytes: 0) }
            init(_ units: [TranslationUnit]) { items = units.makeIterator() }
            func next() throws(FormatError) -> ReadItem? {
                items.next().map { .unit($0, SourceLocation(file: "api", line: 0)) }
            }
        }
        return try importUnits(from: [ImportSource(origin: origin, reader: ArrayReader(units))])
    }
}

extension ImportReport {
    mutating func count(_ skip: Skip, _ options: ImportOptions) {
        skipped += 1
        if skips.count < options.maximumListedSkips { skips.append(skip) }
    }
}

/// Inserts units through prepared statements bound with the SQLite C API: the
/// import's hot path (several hundred thousand rows a second).
final class UnitInserter {
    private let db: Database
    private let findHash: Statement
    private let insertUnit: Statement
    private let insertVariant: Statement
    private let updateChange: Statement
    private let now: String

    init(db: Database) throws {
        self.db = db
        findHash = try db.makeStatement(sql: "SELECT id FROM unit WHERE content_hash = ?")
        insertUnit = try db.makeStatement(sql: """
            INSERT INTO unit(source_lang, origin_id, created_at, created_by, changed_at, changed_by, extra, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertVariant = try db.makeStatement(sql: "INSERT INTO variant(unit_id, position, lang, text, markup, extra) VALUES (?, ?, ?, ?, ?, ?)")
        updateChange = try db.makeStatement(sql: "UPDATE unit SET changed_at = ?, changed_by = ? WHERE id = ? AND (changed_at IS NULL OR changed_at < ?)")
        let formatter = ISO8601DateFormatter()
        now = formatter.string(from: Date())
    }

    func origin(_ path: String) throws -> Int64 {
        try db.execute(sql: "INSERT INTO origin(path, imported_at) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET imported_at = excluded.imported_at",
                       arguments: [path, now])
        return try Int64.fetchOne(db, sql: "SELECT id FROM origin WHERE path = ?", arguments: [path])!
    }

    /// Inserts `unit` unless an identical one is stored; returns true when inserted.
    func insert(_ unit: TranslationUnit, hash: Int64, origin: Int64) throws -> Bool {
        if let existing = try duplicate(of: unit, hash: hash) {
            if let changed = unit.metadata.changeDate {
                try run(updateChange) { s in
                    bind(s, 1, changed); bind(s, 2, unit.metadata.changeUser)
                    sqlite3_bind_int64(s, 3, existing); bind(s, 4, changed)
                }
            }
            return false
        }
        let metadata = unit.metadata
        try run(insertUnit) { s in
            bind(s, 1, unit.sourceLanguage?.identifier)
            sqlite3_bind_int64(s, 2, origin)
            bind(s, 3, metadata.creationDate); bind(s, 4, metadata.creationUser)
            bind(s, 5, metadata.changeDate); bind(s, 6, metadata.changeUser)
            bind(s, 7, StoredExtras.encode(Metadata(notes: metadata.notes, properties: metadata.properties, attributes: metadata.attributes)))
            sqlite3_bind_int64(s, 8, hash)
        }
        let unitID = db.lastInsertedRowID
        for (position, variant) in unit.variants.enumerated() {
            try run(insertVariant) { s in
                sqlite3_bind_int64(s, 1, unitID)
                sqlite3_bind_int64(s, 2, Int64(position))
                bind(s, 3, variant.language.identifier)
                bind(s, 4, variant.segment.text)
                bind(s, 5, variant.segment.markup)
                bind(s, 6, StoredExtras.encodeVariant(variant.metadata))
            }
        }
        return true
    }

    private func duplicate(of unit: TranslationUnit, hash: Int64) throws -> Int64? {
        let s = findHash.sqliteStatement
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, hash)
        var candidates: [Int64] = []
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_ROW { candidates.append(sqlite3_column_int64(s, 0)); continue }
            if code == SQLITE_DONE { break }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        sqlite3_reset(s)
        for candidate in candidates {
            let stored = try Row.fetchAll(db, sql: "SELECT lang, text, markup FROM variant WHERE unit_id = ?", arguments: [candidate])
            let variants = stored.compactMap { row -> Variant? in
                guard let language = LanguageTag(row["lang"] as String) else { return nil }
                return Variant(language: language, segment: Segment(text: row["text"], markup: row["markup"]))
            }
            if ContentHash.sameContent(variants, unit.variants) { return candidate }
        }
        return nil
    }

    private func run(_ statement: Statement, _ bindings: (OpaquePointer) -> Void) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        bindings(s)
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private func bind(_ statement: OpaquePointer, _ index: Int32, _ text: String?) {
    guard let text else {
        sqlite3_bind_null(statement, index)
        return
    }
    var copy = text
    copy.withUTF8 { buffer in
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            _ = sqlite3_bind_text(statement, index, "", 0, transientDestructor)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
            _ = sqlite3_bind_text(statement, index, chars, Int32(buffer.count), transientDestructor)
        }
    }
}
