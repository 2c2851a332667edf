import KiokuAlign
import KiokuFormats
import KiokuJobs
import KiokuMemory

/// Turns what the libraries report — errors, skips and notices as data — into what a user
/// reads: the fact, then what to do about it, in the words of the command that met it. This
/// is the only place that names the tool's options in advice.
enum ErrorAdvice {
    /// The command that met the problem: the advice depends on it ("import it again" is
    /// right for `import`, wrong for `check`).
    enum Verb {
        case `import`, align, export, lookup, concordance, check, glossary, stats, serve, analyze, pretranslate, verify, qa, edit, copy
    }

    /// The full message for an error the libraries threw, or nil for an error of another kind.
    static func message(for error: any Error, verb: Verb) -> String? {
        switch error {
        case let error as MemoryError: memoryMessage(error, verb: verb)
        case let error as FormatError: formatMessage(error, verb: verb)
        case let error as AlignError: alignMessage(error)
        case let error as JobError: jobMessage(error, verb: verb)
        default: nil
        }
    }

    static func alignMessage(_ error: AlignError) -> String {
        switch error {
        case .unreadable: "\(error). Nothing was aligned."
        case .notText: "\(error). Nothing was aligned."
        case .badDocument: "\(error). Open it in Word and save it as .docx again, or save it as plain text."
        case .empty: "\(error). Both documents need text; check that the right files were given."
        case .unsupportedFormat: "\(error). Save it as .docx, HTML or plain text (UTF-8) and align that."
        }
    }

    static func jobMessage(_ error: JobError, verb: Verb) -> String {
        let nothing = verb == .pretranslate ? " Nothing was written." : ""
        switch error {
        case .invalidBands: return "\(error); give --bands as lower bounds, for example --bands 100,95,85,75,50."
        case .unknownLanguage(_, .source): return "\(error); pass --src." + nothing
        case .unknownLanguage(_, .target): return "\(error); pass --tgt." + nothing
        case .languageNotInMemory: return "\(error). Use a TM for this language pair, or import one into it first." + nothing
        }
    }

    static func memoryMessage(_ error: MemoryError, verb: Verb) -> String {
        switch error {
        case .format(let error):
            return formatMessage(error, verb: verb)
        case .missing(let path):
            return "\(error). Import something into it first: kioku import FILE \(memoryOption(path))."
        case .notAMemory:
            return "\(error). Give the path of a TM that kioku import made."
        case .cannotOpen, .readFailed:
            return "\(error)."
        case .writeFailed:
            return "\(error)."
        case .diskFull:
            return "\(error). Free some disk space and try again."
        case .readOnly:
            return "\(error). Make the file and its folder writable, or work on a copy."
        case .busy:
            return "\(error). Another kioku import or kioku serve is writing to it; try again when it has finished."
        case .filling:
            return "\(error). A kioku import or kioku copy that began while the TM was empty takes it to itself until it finishes; try again then."
        case .notEmpty:
            return "\(error). Copy into a new file or an empty database (createdb NAME), or import a TMX export into this one instead (kioku export, then kioku import)."
        case .unreachable:
            return "\(error). Check that the PostgreSQL server is running and that the address, user and password (PGPASSWORD) are right, then try again."
        case .damaged(let path, _):
            return "\(error). Restore it from a backup, or export what still reads (kioku export \(memoryOption(path)) --to rescue.tmx) and import that into a new TM; kioku verify \(memoryOption(path)) lists the damage."
        case .damagedIndex(let path, _):
            return "\(error). Rebuild it from the units: kioku reindex \(memoryOption(path)) (kioku verify \(memoryOption(path)) checks the whole TM)."
        case .newerFormat:
            return "\(error). Use the Kioku that wrote it (or newer), or export it to TMX with that version and import the TMX here."
        case .noSuchUnit(let path, _):
            return "\(error). Find units with kioku concordance \(memoryOption(path)) \"PHRASE\" or kioku lookup \(memoryOption(path)) \"SENTENCE\"."
        case .noSuchVariant, .ambiguousVariant:
            return "\(error). Name one of its languages with --lang."
        case .emptyVariant(let path, let unit):
            return "\(error). To remove the unit, run kioku delete \(memoryOption(path)) --id \(unit)."
        }
    }

    /// The option that names the TM at `location` again: `--db URL` for a database, `--tm PATH` for a file.
    static func memoryOption(_ location: String) -> String {
        location.hasPrefix("postgresql://") ? "--db \(location)" : "--tm \(location)"
    }

    static func formatMessage(_ error: FormatError, verb: Verb) -> String {
        let again: String
        switch verb {
        case .import: again = " and import it again; nothing was imported."
        case .pretranslate: again = " and try again; nothing was written."
        case .check: again = " and check it again."
        default: again = " and try again."
        }
        switch error {
        case .malformedXML:
            return "\(error). Fix the file (or re-export it from its tool)" + again
        case .badEncoding:
            return "\(error). Save the file as UTF-8 (or declare its real encoding in the XML declaration)" + again
        case .invalidStructure, .invalidTable:
            return "\(error)" + (verb == .import ? "; nothing was imported." : verb == .pretranslate ? ". Nothing was written." : ".")
        case .unknownFormat:
            return "\(error). " + (verb == .import ? "Rename it, or pass --format tmx|tsv|csv|xliff|moses|po." : "Rename it to one of those endings.")
        case .unknownLanguages(_, .columns):
            return "\(error): pass --src and --tgt to name the first and second column."
        case .unknownLanguages(_, .source):
            return "\(error): pass --src with its language."
        case .unknownLanguages(_, .target):
            return "\(error): pass --tgt with its language."
        case .unpairedFile:
            return "\(error). Give both files of each pair, source first: corpus.en corpus.ru."
        case .unreadable:
            return "\(error)."
        case .unwritable:
            return "\(error). Check that the folder exists and that you may write there; nothing was written."
        }
    }

    /// A failure after a write was committed (indexing, checkpointing): the data is in the TM,
    /// and only what derives from it is behind.
    /// A write that landed (`what`: "the units above are in") whose follow-up (`finishing`) stopped.
    static func afterCommit(_ error: MemoryError, path: String, what: String, finishing: String) -> String {
        let cause: String
        switch error {
        case .diskFull: cause = "the disk filled up"
        case .readOnly: cause = "the TM became read-only"
        default: cause = error.description
        }
        return "\(what) \(path), but finishing \(finishing) stopped: \(cause). Nothing is lost; keep \(path)-wal beside the TM if there is one. Once that is fixed, lookups bring the fuzzy index up to date from the units by themselves (or run kioku reindex \(memoryOption(path)))."
    }

    /// A skip as listed in an import report, with what would have made the unit usable.
    static func line(for skip: Skip) -> String {
        switch skip.reason {
        case .unknownSourceLanguage: "\(skip) (pass --src)"
        case .unknownTargetLanguage: "\(skip) (pass --tgt)"
        default: skip.description
        }
    }

    /// A reader's notice, with the option that changes what it says.
    static func line(for notice: ReaderNotice) -> String {
        switch notice {
        case .assumedSourceLanguage(_, _, false): "\(notice); pass --src to choose"
        default: notice.description
        }
    }
}
