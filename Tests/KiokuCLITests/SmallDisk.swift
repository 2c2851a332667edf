import Foundation
import KiokuTestSupport

/// A small tmpfs mounted for a test: a disk that fills up. Mounting needs root.
enum SmallDisk {
    /// Whether this process may mount one (tried once).
    static let canMount: Bool = {
        guard geteuid() == 0 else { return false }
        let point = Scratch.directory().path
        guard (try? mount(point, megabytes: 1)) != nil else { return false }
        unmount(point)
        return true
    }()

    /// Mounts a tmpfs of `megabytes` at `point` (an existing folder).
    static func mount(_ point: String, megabytes: Int) throws {
        let result = try KiokuProcess.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", point])
        guard result.status == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    static func unmount(_ point: String) {
        _ = try? KiokuProcess.run(URL(fileURLWithPath: "/bin/umount"), [point])
    }
}
