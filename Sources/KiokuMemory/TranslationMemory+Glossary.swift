import GRDB

extension TranslationMemory {
    public func glossaryRecords() throws(MemoryError) -> [GlossaryRecord] {
        typealias G = GlossaryConceptTable
        return try reading { db in
            try Row.fetchAll(db, sql: "SELECT \(G.id), \(G.data) FROM \(G.name) ORDER BY \(G.position)")
                .map { GlossaryRecord(id: $0[0], document: $0[1]) }
        }
    }
}

extension SQLiteWriter {
    func saveGlossaryRecord(_ record: GlossaryRecord) throws(MemoryError) -> Bool {
        typealias G = GlossaryConceptTable
        return try failing {
            try db.execute(sql: "UPDATE \(G.name) SET \(G.data) = ? WHERE \(G.id) = ?", arguments: [record.document, record.id])
            guard db.changesCount == 0 else { return false }
            try db.execute(sql: "INSERT INTO \(G.name)(\(G.id), \(G.data)) VALUES (?, ?)", arguments: [record.id, record.document])
            return true
        }
    }
}
