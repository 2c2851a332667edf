import Foundation
import GRDB
import KiokuMemory

/// Keeps a glossary inside a TM file, so checks and lookups on that TM use it
/// without a `--glossary` option.
public enum GlossaryStore {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("terms-v1-glossary") { db in
            try db.execute(sql: """
                CREATE TABLE glossary_concept(
                    position INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    data TEXT NOT NULL
                )
                """)
        }
        return migrator
    }

    /// Adds (or replaces, by concept id) the concepts of `glossary`; returns how many were new.
    @discardableResult
    public static func save(_ glossary: Glossary, into memory: TranslationMemory) throws(MemoryError) -> Int {
        try memory.migrate(migrator())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try memory.write { db in
            var added = 0
            for concept in glossary.concepts {
                let json = String(decoding: try encoder.encode(concept), as: UTF8.self)
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM glossary_concept WHERE id = ?", arguments: [concept.id]) == true {
                    try db.execute(sql: "UPDATE glossary_concept SET data = ? WHERE id = ?", arguments: [json, concept.id])
                } else {
                    try db.execute(sql: "INSERT INTO glossary_concept(id, data) VALUES (?, ?)", arguments: [concept.id, json])
                    added += 1
                }
            }
            return added
        }
    }

    /// The glossary stored in `memory` (empty when there is none).
    public static func load(from memory: TranslationMemory) throws(MemoryError) -> Glossary {
        let decoder = JSONDecoder()
        return try memory.read { db in
            // reading never creates the table: a lookup leaves a TM without a glossary as it was
            guard try db.tableExists("glossary_concept") else { return Glossary() }
            let rows = try String.fetchAll(db, sql: "SELECT data FROM glossary_concept ORDER BY position")
            return Glossary(concepts: try rows.map { try decoder.decode(Concept.self, from: Data($0.utf8)) })
        }
    }
}
