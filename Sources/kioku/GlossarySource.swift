import ArgumentParser
import KiokuMemory
import KiokuPostgres
import KiokuTerms

/// Where a command's glossary comes from: files (merged in order) or a TM's stored glossary.
enum GlossarySource {
    static func load(files: [String], tm: String?) throws -> Glossary {
        if !files.isEmpty { return try GlossaryFile.read(paths: files) }
        guard let tm else { throw ValidationError("name a glossary file, or --tm for the glossary stored in a TM") }
        let glossary = try GlossaryStore.load(from: try MemoryLocation.open(tm))
        if glossary.concepts.isEmpty { throw ValidationError("\(tm) holds no glossary (store one with: kioku glossary import FILE \(ErrorAdvice.memoryOption(tm)))") }
        return glossary
    }
}
