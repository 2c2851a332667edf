import Foundation
import KiokuFormats

extension MemoryStore {
    /// Imports every unit of every source in one transaction. On any error the TM is
    /// left exactly as it was and the error names the file and line.
    ///
    /// The transaction begins before the first unit is read and ends after the last is
    /// stored; the readers run on a second thread, ahead of the writer (see `ReadAhead`).
    ///
    /// - Parameter progress: called now and then with how far the import has got.
    public func importUnits(from sources: [ImportSource], options: ImportOptions = ImportOptions(),
                            progress: ((ImportProgress) -> Void)? = nil) throws(MemoryError) -> ImportReport {
        let readAhead = ReadAhead(readers: sources.map(\.reader))
        defer { readAhead.cancel() }
        let importedAt = ISO8601DateFormatter().string(from: Date())
        return try write { writer in
            var run = try ImportRun(writer: writer, sources: sources, options: options, importedAt: importedAt)
            while let (batch, position) = try readAhead.next() {
                try run.announce(batch)
                for item in batch { try run.take(item) }
                progress?(ImportProgress(units: run.seen, bytesRead: position.bytesRead, totalBytes: position.totalBytes))
            }
            return try run.finish()
        }
    }

    /// Adds units directly (from code, not a file), in one transaction.
    @discardableResult
    public func add(_ units: [TranslationUnit], origin: String = "api", options: ImportOptions = ImportOptions()) throws(MemoryError) -> ImportReport {
        try importUnits(from: [ImportSource(origin: origin, reader: UnitArrayReader(units))], options: options)
    }
}

/// Units given in code, read like a file.
private final class UnitArrayReader: UnitReader {
    private var items: IndexingIterator<[TranslationUnit]>
    var notices: [ReaderNotice] { [] }
    var progress: ReadProgress { ReadProgress(bytesRead: 0, totalBytes: 0) }

    init(_ units: [TranslationUnit]) { items = units.makeIterator() }

    func next() throws(FormatError) -> ReadItem? {
        items.next().map { .unit($0, SourceLocation(file: "api", line: 0)) }
    }
}
