public import CloseStore
public import Ledger
public import Payables

/// `closer payables duplicates`: the vendor bills of one ledger's period, each searched for among
/// every vendor bill of every ledger in the store (other companies and other databases included).
/// Read-only. A pair is reported once, on the later bill: the earlier one is the original.
public struct DuplicateBillService: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) {
        self.store = store
    }

    public func duplicates(sourceKey: SourceKey, period: Period, rules: DuplicateRules = DuplicateRules()) throws -> DuplicateBillReport {
        try store.requirePulled(period, sourceKey: sourceKey)
        let stored = try store.storedVendorBills()
        let index = DuplicateBillIndex(stored)
        let checked = stored.filter { $0.source == sourceKey && $0.state != .cancelled && $0.invoiceDate.map(period.contains) == true }
        let hits = checked.flatMap { bill in index.duplicates(of: bill, rules: rules).filter { $0.original.precedes(bill) } }
        return DuplicateBillReport(source: sourceKey, period: period, checked: checked.count, searched: index.count, hits: hits)
    }
}

/// What `closer payables duplicates` reports.
public struct DuplicateBillReport: Sendable, Codable {
    public var source: SourceKey
    public var period: Period
    /// The period's bills checked.
    public var checked: Int
    /// The bills of every ledger searched.
    public var searched: Int
    public var hits: [DuplicateHit]
}
