import GRDB
import KiokuFormats
import KiokuText

/// The SQLite TM's schema history, applied in order by GRDB when a TM is opened. A
/// migration is never edited once released: a change is a new migration, and
/// ``SQLiteTable`` describes the result. (The identifiers keep the names the index and the
/// glossary gave their tables when they created them themselves.)
enum SQLiteMigrations {
    /// Adds the change log and the history. A TM without them (written before) can still be
    /// read when it is read-only: nothing in it was ever deleted or edited.
    static let changeLogMigration = "v3-change-log-and-history"

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-units") { db in
            try db.execute(sql: """
                CREATE TABLE origin(
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    imported_at TEXT NOT NULL
                );
                CREATE TABLE unit(
                    id INTEGER PRIMARY KEY,
                    source_lang TEXT,
                    origin_id INTEGER REFERENCES origin(id),
                    created_at TEXT,
                    created_by TEXT,
                    changed_at TEXT,
                    changed_by TEXT,
                    extra TEXT,
                    content_hash INTEGER NOT NULL
                );
                CREATE INDEX unit_content_hash ON unit(content_hash);
                CREATE TABLE variant(
                    unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    lang TEXT NOT NULL,
                    text TEXT NOT NULL,
                    markup TEXT,
                    extra TEXT,
                    PRIMARY KEY(unit_id, position)
                ) WITHOUT ROWID;
                CREATE TABLE kioku_info(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                INSERT INTO kioku_info(key, value) VALUES ('format', 'kioku-tm'), ('created_by', 'Kioku');
                """)
        }
        migrator.registerMigration("match-v1-fuzzy-index") { db in
            try db.execute(sql: """
                CREATE TABLE fuzzy_state(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO fuzzy_state(key, value) VALUES ('indexed_through', 0);
                CREATE TABLE fuzzy_token(
                    lang TEXT NOT NULL,
                    token TEXT NOT NULL,
                    id INTEGER NOT NULL,
                    PRIMARY KEY(lang, token)
                ) WITHOUT ROWID;
                CREATE TABLE fuzzy_chunk(
                    id INTEGER PRIMARY KEY,
                    lang TEXT NOT NULL,
                    chunk INTEGER NOT NULL,
                    documents INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    UNIQUE(lang, chunk)
                );
                """)
        }
        migrator.registerMigration("terms-v1-glossary") { db in
            try db.execute(sql: """
                CREATE TABLE glossary_concept(
                    position INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    data TEXT NOT NULL
                )
                """)
        }
        migrator.registerMigration("v2-latest-dates-and-pairs") { db in
            // `latest_at`: the newest date of a unit or any of its variants (OmegaT dates the
            // target variant) as a sort key; `unit_pair`: the hash of each pair of variants of
            // a unit in three or more languages, so an import finds a unit already stored
            // inside a richer one.
            db.add(function: dateKey)
            try db.execute(sql: """
                ALTER TABLE unit ADD COLUMN latest_at TEXT;
                UPDATE unit SET latest_at = max(kioku_date_key(changed_at), kioku_date_key(created_at))
                    WHERE changed_at IS NOT NULL OR created_at IS NOT NULL;
                CREATE TABLE unit_pair(
                    hash INTEGER NOT NULL,
                    unit_id INTEGER NOT NULL,
                    PRIMARY KEY(hash, unit_id)
                ) WITHOUT ROWID;
                """)
            try backfillVariantDates(db)
            try backfillPairs(db)
        }
        migrator.registerMigration(changeLogMigration) { db in
            // Deletions and edits: the change log indexes follow (and the highest id ever
            // given, so a deleted unit's id is never reused), the texts edits replaced, and
            // the index's tombstones (kept apart from its chunks: a deletion writes a few bytes).
            try db.execute(sql: """
                CREATE TABLE unit_change(
                    id INTEGER PRIMARY KEY,
                    unit_id INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    changed_at TEXT NOT NULL,
                    changed_by TEXT
                );
                CREATE INDEX unit_change_unit ON unit_change(unit_id);
                CREATE TABLE variant_history(
                    id INTEGER PRIMARY KEY,
                    unit_id INTEGER NOT NULL,
                    lang TEXT NOT NULL,
                    text TEXT NOT NULL,
                    markup TEXT,
                    replaced_at TEXT NOT NULL,
                    replaced_by TEXT
                );
                CREATE INDEX variant_history_unit ON variant_history(unit_id);
                CREATE TABLE fuzzy_dead(
                    lang TEXT NOT NULL,
                    chunk INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY(lang, chunk)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }

    /// `kioku_date_key(date)`: ``Metadata/sortKey(ofDate:)`` in SQL ("" for NULL).
    private static let dateKey = DatabaseFunction("kioku_date_key", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(Metadata.sortKey(ofDate:)) ?? ""
    }

    /// Raises `latest_at` to the dates variants keep in their metadata JSON.
    private static func backfillVariantDates(_ db: Database) throws {
        var latest: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT unit_id, extra FROM variant WHERE extra LIKE '%date%'")
        while let row = try rows.next() {
            guard let date = StoredExtras.decodeVariant(row[1]).latestDate else { continue }
            let unit: Int64 = row[0]
            latest[unit] = max(latest[unit] ?? "", Metadata.sortKey(ofDate: date))
        }
        for (unit, date) in latest {
            try db.execute(sql: "UPDATE unit SET latest_at = max(coalesce(latest_at, ''), ?) WHERE id = ?", arguments: [date, unit])
        }
    }

    /// The pair hashes of every unit in three or more languages, in one pass over their variants.
    private static func backfillPairs(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO unit_pair(hash, unit_id) VALUES (?, ?)")
        var unit: Int64 = 0
        var variants: [Variant] = []
        func flush() throws {
            for hash in Set(ContentHash.pairs(of: TranslationUnit(variants: variants))) {
                try insert.execute(arguments: [hash, unit])
            }
            variants.removeAll(keepingCapacity: true)
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT unit_id, lang, text, markup FROM variant
            WHERE unit_id IN (SELECT unit_id FROM variant GROUP BY unit_id HAVING count(*) >= 3)
            ORDER BY unit_id, position
            """)
        while let row = try rows.next() {
            let owner: Int64 = row[0]
            if owner != unit, !variants.isEmpty { try flush() }
            unit = owner
            if let language = LanguageTag(row[1] as String) {
                variants.append(Variant(language: language, segment: Segment(text: row[2], markup: row[3])))
            }
        }
        if !variants.isEmpty { try flush() }
    }
}
