#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in fixed-size chunks with POSIX `read`, so that no reader ever holds
/// a whole file in memory.
final class ByteSource {
    let path: String
    private let descriptor: Int32
    private let chunkSize: Int
    /// The file's size in bytes (0 when unknown, e.g. a pipe).
    let size: Int64
    /// How many bytes have been read so far.
    private(set) var bytesRead: Int64 = 0

    init(path: String, chunkSize: Int = 1 << 20) throws(FormatError) {
        self.path = path
        self.chunkSize = chunkSize
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw .unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .unreadable(file: path, reason: "it is a directory")
        }
        descriptor = fd
        size = (info.st_mode & S_IFMT) == S_IFREG ? Int64(info.st_size) : 0
    }

    deinit { close(descriptor) }

    /// Appends up to one chunk to `buffer`; returns false at end of file.
    func read(into buffer: inout [UInt8]) throws(FormatError) -> Bool {
        let oldCount = buffer.count
        buffer.reserveCapacity(oldCount + chunkSize)
        var got = 0
        var failure: Int32 = 0
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        buffer.withUnsafeMutableBufferPointer { raw in
            while true {
                let n = Glibc.read(descriptor, raw.baseAddress! + oldCount, chunkSize)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno } else { got = n }
                break
            }
        }
        buffer.removeLast(chunkSize - got)
        bytesRead += Int64(got)
        if failure != 0 { throw .unreadable(file: path, reason: String(cString: strerror(failure))) }
        return got > 0
    }
}
