import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP connection to a loopback port driven byte by byte, for what an HTTP client library
/// will not do: send half a request, hold a connection idle, send oversized headers.
final class RawConnection {
    let socket: Int32

    /// Connects to 127.0.0.1:`port`; nil when the connection is refused or not accepted within
    /// `timeout` seconds (also the timeout of every later receive).
    init?(port: Int, timeout: Double = 5) {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socket); return nil }
    }

    deinit { close(socket) }

    /// Sends all of `text`; false when the peer has gone.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// What the peer sends until it closes the connection or goes quiet for the timeout,
    /// and whether it closed.
    func receiveUntilClosed() -> (data: Data, closed: Bool) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 { data.append(contentsOf: buffer[..<count]); continue }
            // 0: an orderly close; ECONNRESET: closed with data unread. A timeout: still open.
            return (data, count == 0 || errno == ECONNRESET)
        }
    }
}
