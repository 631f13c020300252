public import GRDB
public import Ledger

/// A source key is stored as its text, so `source_key` columns stay readable with the sqlite3 shell.
extension SourceKey: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }

    public static func fromDatabaseValue(_ value: DatabaseValue) -> SourceKey? { String.fromDatabaseValue(value).map { SourceKey($0) } }
}
