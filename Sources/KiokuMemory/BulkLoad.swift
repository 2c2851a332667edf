/// When one write is a bulk load, for every store: past this many new units in one
/// transaction, SQLite raises its page cache and may rebuild the content-hash index at the
/// commit, and PostgreSQL refreshes the planner's statistics after it.
package enum BulkLoad {
    package static let units = 50_000
}
