public import CloseStore
import CloseWorkflows
public import DemoCompany
public import Ledger

/// `closer intercompany --demo`: pulls the demo group (Northwind and its subsidiary, two companies
/// of one demo database) into the store, so intercompany matching can be tried without Odoo.
public struct DemoGroupService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// Pulls both companies for the period (generated with it as their close period) and returns
    /// their source keys, the parent's first.
    public func pull(period: Period, seed: UInt64 = DemoOptions().seed) async throws -> (parent: SourceKey, subsidiary: SourceKey) {
        let options = DemoOptions(seed: seed, closePeriod: period)
        let books = DemoGroup.generate(options)
        let pulls = PullService(store: store, actor: actor)
        for (book, key) in [(books.parent, books.parentSourceKey), (books.subsidiary, books.subsidiarySourceKey)] {
            _ = try await pulls.pull(from: DemoLedgerSource(book: book), sourceKey: key, period: period, historyMonths: options.historyMonths)
        }
        return (books.parentSourceKey, books.subsidiarySourceKey)
    }
}
