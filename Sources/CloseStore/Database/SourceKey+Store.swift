import Ledger

/// A source key is stored as its text, so `source_key` columns stay readable with the sqlite3 shell and psql.
extension SourceKey: StoreValueConvertible {
    var storeValue: StoreValue { .text(text) }

    static func fromStoreValue(_ value: StoreValue) -> SourceKey? { String.fromStoreValue(value).map { SourceKey($0) } }
}
