import GRDB

/// The SQLite TM's schema history, applied in order by GRDB when a TM is opened. A
/// migration is never edited once released: a change is a new migration, and
/// ``SQLiteTable`` describes the result. (The identifiers keep the names the index and the
/// glossary gave their tables when they created them themselves.)
enum SQLiteMigrations {
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
        return migrator
    }
}
