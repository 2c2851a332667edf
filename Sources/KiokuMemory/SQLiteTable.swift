/// The tables of the SQLite TM with their columns named once. Every query of this module is
/// built from these names, so renaming a column breaks the build wherever it is used, and
/// `SchemaTests` checks them against the tables the migrations create. No other module
/// names a table or a column: they use ``MemoryStore``.
protocol SQLiteTable: RawRepresentable<String>, CaseIterable, CustomStringConvertible {
    static var name: String { get }
}

extension SQLiteTable {
    var description: String { rawValue }
}

/// The files units were imported from.
enum OriginTable: String, SQLiteTable {
    static let name = "origin"
    case id, path, importedAt = "imported_at"
}

/// One row per translation unit: source language, origin, dates, users, the rest of its
/// metadata as JSON (`extra`, null when empty) and the content hash that finds duplicates.
enum UnitTable: String, SQLiteTable {
    static let name = "unit"
    case id, sourceLanguage = "source_lang", originID = "origin_id", createdAt = "created_at", createdBy = "created_by",
         changedAt = "changed_at", changedBy = "changed_by", extra, contentHash = "content_hash",
         /// The newest date of the unit or any of its variants: what ranking orders ties by.
         latestAt = "latest_at"
}

/// For each unit in three or more languages, the hash of each pair of its variants
/// (``ContentHash/pair(_:_:)``): how an import finds a unit already stored inside a richer one.
enum UnitPairTable: String, SQLiteTable {
    static let name = "unit_pair"
    case hash, unitID = "unit_id"
}

/// One row per language of a unit: its text, its TMX inline markup when it has codes, and
/// its own metadata as JSON.
enum VariantTable: String, SQLiteTable {
    static let name = "variant"
    case unitID = "unit_id", position, language = "lang", text, markup, extra
}

/// What kind of file this is (`format` = `kioku-tm`).
enum InfoTable: String, SQLiteTable {
    static let name = "kioku_info"
    case key, value
}

/// The log of deletions and edits, one row each (`kind`: `delete` or `edit`): what an index
/// reads to drop or re-read units, and how ids of deleted units are never given again.
enum ChangeTable: String, SQLiteTable {
    static let name = "unit_change"
    case id, unitID = "unit_id", kind, changedAt = "changed_at", changedBy = "changed_by"
    static let delete = "delete", edit = "edit"
}

/// The texts edits replaced: a unit's history (who replaced which text, when).
enum HistoryTable: String, SQLiteTable {
    static let name = "variant_history"
    case id, unitID = "unit_id", language = "lang", text, markup, replacedAt = "replaced_at", replacedBy = "replaced_by"
}

/// The fuzzy index's watermark: `indexed_through`, the last unit its saved data covers;
/// `changes_through`, the last change-log entry it applied; `saves`, how often it was saved.
enum IndexStateTable: String, SQLiteTable {
    static let name = "fuzzy_state"
    case key, value
    static let indexedThrough = "indexed_through"
    static let changesThrough = "changes_through"
    static let saves = "saves"
    /// The index's format (how its tokens are made); absent in TMs indexed before it was recorded.
    static let format = "format"
}

/// Each language's index vocabulary: matching-form token → id.
enum IndexTokenTable: String, SQLiteTable {
    static let name = "fuzzy_token"
    case language = "lang", token, id
}

/// Each language's index chunks, 65,536 documents a blob, in the index's own encoding.
enum IndexChunkTable: String, SQLiteTable {
    static let name = "fuzzy_chunk"
    case id, language = "lang", chunk, documents, data
}

/// Each language's tombstones: per chunk with dead documents, a bit per document.
enum IndexDeadTable: String, SQLiteTable {
    static let name = "fuzzy_dead"
    case language = "lang", chunk, data
}

/// The stored glossary: one concept a row, in the order first saved.
enum GlossaryConceptTable: String, SQLiteTable {
    static let name = "glossary_concept"
    case position, id, data
}

/// Every table of the TM, for the schema check.
let sqliteTables: [(name: String, columns: [String])] = [
    (OriginTable.name, OriginTable.allCases.map(\.rawValue)),
    (UnitTable.name, UnitTable.allCases.map(\.rawValue)),
    (VariantTable.name, VariantTable.allCases.map(\.rawValue)),
    (UnitPairTable.name, UnitPairTable.allCases.map(\.rawValue)),
    (InfoTable.name, InfoTable.allCases.map(\.rawValue)),
    (IndexStateTable.name, IndexStateTable.allCases.map(\.rawValue)),
    (IndexTokenTable.name, IndexTokenTable.allCases.map(\.rawValue)),
    (IndexChunkTable.name, IndexChunkTable.allCases.map(\.rawValue)),
    (GlossaryConceptTable.name, GlossaryConceptTable.allCases.map(\.rawValue)),
    (ChangeTable.name, ChangeTable.allCases.map(\.rawValue)),
    (HistoryTable.name, HistoryTable.allCases.map(\.rawValue)),
    (IndexDeadTable.name, IndexDeadTable.allCases.map(\.rawValue)),
]
