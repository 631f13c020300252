import CloseStore
@testable import CloseWorkflows
import DemoCompany
import Ledger

/// The demo company pulled, checked, matched and proposed, as after `closer demo`.
enum ClosedDemo {
    /// `edit` changes the generated books before the pull (a hostile account name, say); `store` is
    /// an empty store to fill (default: a new one in memory).
    static func make(asOf: LocalDate, store given: AppDatabase? = nil, edit: (inout DemoBook) -> Void = { _ in }) async throws
        -> (AppDatabase, SourceKey, Period, CheckReport) {
        var book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        edit(&book)
        let store = try given ?? AppDatabase.inMemory()
        let key: SourceKey = "demo:checklist"
        let period = book.groundTruth.period
        _ = try await PullService(store: store, actor: "test").pull(
            from: DemoLedgerSource(book: book), sourceKey: key, period: period, historyMonths: 12, progress: { _, _ in })
        let checks = try CheckService(store: store, actor: "test").run(sourceKey: key, period: period, asOf: asOf)
        _ = try ReconcileService(store: store, actor: "test").propose(sourceKey: key, period: period)
        _ = try AdjustmentService(store: store, actor: "test").propose(sourceKey: key, period: period)
        return (store, key, period, checks)
    }
}
