import GRDB

/// The fuzzy index's tables in the TM file (its own migrations, beside KiokuMemory's).
///
/// `fuzzy_token` maps each language's matching-form tokens to ids (0 = unknown,
/// 1 = any number); `fuzzy_chunk` holds the index itself, 65,536 documents a blob;
/// `fuzzy_state.indexed_through` is the highest unit id the index covers, so an
/// import made by any program is caught up incrementally, never rebuilt.
enum IndexSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
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
        return migrator
    }
}
