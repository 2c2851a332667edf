import GRDB

/// The TM file's schema, created and upgraded by GRDB migrations.
///
/// `unit` holds one translation unit with its dates, users and (as JSON) notes,
/// properties and other attributes; `variant` holds each language's text and, when
/// the segment has inline codes, its TMX markup. `content_hash` finds identical units.
enum Schema {
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
        return migrator
    }
}
