import GRDB

extension TranslationMemory {
    public func glossaryRecords() throws(MemoryError) -> [GlossaryRecord] {
        typealias G = GlossaryConceptTable
        return try reading { db in
            try Row.fetchAll(db, sql: "SELECT \(G.id), \(G.data) FROM \(G.name) ORDER BY \(G.position)")
                .map { GlossaryRecord(id: $0[0], document: $0[1]) }
        }
    }

    public func saveGlossaryRecords(_ records: [GlossaryRecord]) throws(MemoryError) -> Int {
        typealias G = GlossaryConceptTable
        return try writing { db in
            var added = 0
            for record in records {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM \(G.name) WHERE \(G.id) = ?", arguments: [record.id]) == true {
                    try db.execute(sql: "UPDATE \(G.name) SET \(G.data) = ? WHERE \(G.id) = ?", arguments: [record.document, record.id])
                } else {
                    try db.execute(sql: "INSERT INTO \(G.name)(\(G.id), \(G.data)) VALUES (?, ?)", arguments: [record.id, record.document])
                    added += 1
                }
            }
            return added
        }
    }
}
