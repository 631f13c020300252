import GRDB
public import Ledger

extension AppDatabase {
    /// The dates the stored ledger covers (the union of every pull's window), or nil when nothing was
    /// pulled for the source. Reports use it to say which comparatives the store can back.
    public func pulledWindow(sourceKey: SourceKey) throws -> DateRange? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT window_first, window_last FROM company WHERE source_key = ?", arguments: [sourceKey]),
                  let first = (row["window_first"] as String?).flatMap({ LocalDate(iso: $0) }),
                  let last = (row["window_last"] as String?).flatMap({ LocalDate(iso: $0) }), first <= last else { return nil }
            return DateRange(first, last)
        }
    }
}
