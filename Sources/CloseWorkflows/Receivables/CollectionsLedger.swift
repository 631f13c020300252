public import CloseStore
public import Ledger
public import Receivables

/// One pulled ledger as collections sees it: the snapshot, its customer side, and the day it is judged
/// on — the day asked for, but never past the last day pulled (what happened since is not in the store).
public struct CollectionsLedger: Sendable {
    public var sourceKey: SourceKey
    public var snapshot: LedgerSnapshot
    public var book: ReceivablesBook
    public var asOf: LocalDate

    public init(store: AppDatabase, sourceKey: SourceKey, asOf: LocalDate? = nil) throws {
        guard let window = try store.pulledWindow(sourceKey: sourceKey) else { throw StoreError.unknownCompany(sourceKey) }
        self.sourceKey = sourceKey
        snapshot = try store.loadSnapshot(sourceKey: sourceKey)
        book = ReceivablesBook(snapshot)
        self.asOf = min(asOf ?? LocalDate.todayUTC(), window.last)
    }

    public func model(_ rules: DelayModelRules) -> PaymentDelayModel {
        PaymentDelayModel(history: book.invoices, creditNotes: book.creditNotes, knownOn: asOf, rules: rules)
    }

    /// The customer's invoices open on the day judged (all of them when `ids` is empty), and their total.
    public func openInvoices(customerID: Int, ids: [Int] = []) -> [CustomerInvoice] {
        book.open.filter { $0.customerID == customerID && (ids.isEmpty || ids.contains($0.id)) }
    }
}
