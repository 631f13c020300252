import Foundation

/// One value as the store's engines hold it: SQLite's storage classes, which PostgreSQL's column types used by the store
/// map onto (BIGINT → integer, DOUBLE PRECISION → real, TEXT → text, BYTEA → blob).
enum StoreValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}
