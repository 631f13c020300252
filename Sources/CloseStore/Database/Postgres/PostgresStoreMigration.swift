/// One numbered, frozen step of the store's schema on PostgreSQL; `sql` may hold several statements.
struct PostgresStoreMigration: Sendable {
    let id: String
    let sql: String
}
