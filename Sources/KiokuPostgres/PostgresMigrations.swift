/// The PostgreSQL TM's schema history, applied in order when a store is opened, each in the
/// transaction that records it in `kioku_migration`. A migration is never edited once
/// released: a change is a new migration. The tables mirror the SQLite TM's, so that the two
/// stores hold the same data the same way (`kioku copy` moves it row for row).
///
/// Text that is compared or ordered (languages, tokens, paths, date keys) is in the "C"
/// collation: byte order, as SQLite compares, whatever the database's locale.
enum PostgresMigrations {
    struct Migration {
        var identifier: String
        var sql: String
    }

    /// Serializes schema changes and writes of every process on the database (an advisory
    /// lock's key: "kioku" in ASCII).
    static let lockKey: Int64 = 0x6B696F6B75
    /// Held (for its session) by the one process that saves the fuzzy index's data ("kiokuix").
    static let indexSaverKey: Int64 = 0x6B696F6B756978

    static let all: [Migration] = [
        Migration(identifier: "v1-units-index-glossary", sql: """
            CREATE TABLE origin(
                id bigserial PRIMARY KEY,
                path text COLLATE "C" NOT NULL UNIQUE,
                imported_at text NOT NULL
            );
            CREATE TABLE unit(
                id bigint PRIMARY KEY,
                source_lang text COLLATE "C",
                origin_id bigint REFERENCES origin(id),
                created_at text,
                created_by text,
                changed_at text,
                changed_by text,
                extra text,
                content_hash bigint NOT NULL,
                latest_at text COLLATE "C"
            );
            CREATE INDEX unit_content_hash ON unit(content_hash);
            CREATE INDEX unit_origin ON unit(origin_id);
            CREATE TABLE variant(
                unit_id bigint NOT NULL,
                position bigint NOT NULL,
                lang text COLLATE "C" NOT NULL,
                text text NOT NULL,
                markup text,
                extra text,
                PRIMARY KEY(unit_id, position)
            );
            CREATE TABLE unit_pair(
                hash bigint NOT NULL,
                unit_id bigint NOT NULL,
                PRIMARY KEY(hash, unit_id)
            );
            CREATE TABLE unit_change(
                id bigserial PRIMARY KEY,
                unit_id bigint NOT NULL,
                kind text NOT NULL,
                changed_at text NOT NULL,
                changed_by text
            );
            CREATE INDEX unit_change_unit ON unit_change(unit_id);
            CREATE TABLE variant_history(
                id bigserial PRIMARY KEY,
                unit_id bigint NOT NULL,
                lang text NOT NULL,
                text text NOT NULL,
                markup text,
                replaced_at text NOT NULL,
                replaced_by text
            );
            CREATE INDEX variant_history_unit ON variant_history(unit_id);
            CREATE TABLE kioku_info(key text PRIMARY KEY, value text NOT NULL);
            INSERT INTO kioku_info(key, value) VALUES ('format', 'kioku-tm'), ('created_by', 'Kioku');
            CREATE TABLE fuzzy_state(key text PRIMARY KEY, value bigint NOT NULL);
            INSERT INTO fuzzy_state(key, value) VALUES ('indexed_through', 0);
            CREATE TABLE fuzzy_token(
                lang text COLLATE "C" NOT NULL,
                token text COLLATE "C" NOT NULL,
                id bigint NOT NULL,
                PRIMARY KEY(lang, token)
            );
            CREATE TABLE fuzzy_chunk(
                lang text COLLATE "C" NOT NULL,
                chunk bigint NOT NULL,
                documents bigint NOT NULL,
                data bytea NOT NULL,
                PRIMARY KEY(lang, chunk)
            );
            CREATE TABLE fuzzy_dead(
                lang text COLLATE "C" NOT NULL,
                chunk bigint NOT NULL,
                data bytea NOT NULL,
                PRIMARY KEY(lang, chunk)
            );
            CREATE TABLE glossary_concept(
                position bigserial PRIMARY KEY,
                id text NOT NULL UNIQUE,
                data text NOT NULL
            );
            """),
    ]

    /// Brings the schema up to date, under the advisory lock (two processes opening a new
    /// database at once migrate it once). Throws `.newerFormat` for a schema with migrations
    /// this version does not know, and `.notAMemory` for a database that holds other tables.
    static func migrate(_ session: PostgresSession) throws {
        try session.script("BEGIN")
        do {
            try session.run("SELECT pg_advisory_xact_lock(\(lockKey))")
            let tables = try session.column("SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()", as: String.self)
            if !tables.isEmpty && !tables.contains("kioku_migration") {
                throw PostgresStoreFailure.notAMemory
            }
            try session.script("CREATE TABLE IF NOT EXISTS kioku_migration(identifier text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            let applied = Set(try session.column("SELECT identifier FROM kioku_migration", as: String.self))
            if !applied.isSubset(of: all.map(\.identifier)) { throw PostgresStoreFailure.newerFormat }
            for migration in all where !applied.contains(migration.identifier) {
                try session.script(migration.sql)
                try session.run("INSERT INTO kioku_migration(identifier) VALUES (\(migration.identifier))")
            }
            try session.script("COMMIT")
        } catch {
            try? session.script("ROLLBACK")
            throw error
        }
    }
}

/// What the store itself finds wrong while opening, turned into a `MemoryError` with its location.
enum PostgresStoreFailure: Error {
    case notAMemory
    case newerFormat
}
