import Foundation
import KiokuMemory

/// Keeps a glossary inside a TM, so checks and lookups on that TM use it without a
/// glossary file. Each concept is one `GlossaryRecord`, its document the concept as JSON.
public enum GlossaryStore {
    /// Adds (or replaces, by concept id) the concepts of `glossary`; returns how many were new.
    @discardableResult
    public static func save(_ glossary: Glossary, into memory: any MemoryStore) throws(MemoryError) -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let records = glossary.concepts.map { concept in
            // A concept is strings and enums only: encoding it cannot fail.
            GlossaryRecord(id: concept.id, document: String(decoding: try! encoder.encode(concept), as: UTF8.self))
        }
        return try memory.saveGlossaryRecords(records)
    }

    /// The glossary stored in `memory` (empty when there is none).
    public static func load(from memory: any MemoryStore) throws(MemoryError) -> Glossary {
        let decoder = JSONDecoder()
        var concepts: [Concept] = []
        for record in try memory.glossaryRecords() {
            guard let concept = try? decoder.decode(Concept.self, from: Data(record.document.utf8)) else {
                throw .damaged(path: memory.location, reason: "the stored glossary's concept \"\(record.id)\" cannot be read")
            }
            concepts.append(concept)
        }
        return Glossary(concepts: concepts)
    }
}
