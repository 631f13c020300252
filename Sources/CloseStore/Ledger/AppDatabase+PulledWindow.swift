public import Ledger

extension AppDatabase {
    /// The dates the stored ledger covers (the union of every pull's window), or nil when nothing was
    /// pulled for the source. Reports use it to say which comparatives the store can back.
    public func pulledWindow(sourceKey: SourceKey) throws -> DateRange? {
        try writer.read { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT window_first, window_last FROM company WHERE source_key = ?", arguments: [sourceKey]),
                  let first = (row["window_first"] as String?).flatMap({ LocalDate(iso: $0) }),
                  let last = (row["window_last"] as String?).flatMap({ LocalDate(iso: $0) }), first <= last else { return nil }
            return DateRange(first, last)
        }
    }
}

extension AppDatabase {
    /// The pulled window, refusing a period outside it: the one rule every period-taking workflow applies
    /// first, so none reports on books never pulled or records a run for them.
    @discardableResult
    public func requirePulled(_ period: Period, sourceKey: SourceKey) throws -> DateRange {
        guard let window = try pulledWindow(sourceKey: sourceKey) else { throw StoreError.unknownCompany(sourceKey) }
        guard window.first <= period.start && window.last >= period.end else {
            throw StoreError.periodNotPulled(source: sourceKey, period: period, window: window)
        }
        return window
    }
}
