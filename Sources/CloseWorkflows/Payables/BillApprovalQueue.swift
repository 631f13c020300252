public import CloseStore
public import Foundation
public import Ledger
import Payables

/// The approval queue as the API and the dashboard show it: bills on their route, oldest first, with the
/// level waiting (its roles and why) and the decisions so far.
public struct BillApprovalQueue: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) { self.store = store }

    public struct Entry: Sendable, Codable, Hashable {
        public var source: SourceKey
        public var billID: Int
        public var bill: String
        public var amount: String
        public var currency: String
        public var status: BillApproval.Status
        /// The level waiting for a decision; nil once approved or rejected.
        public var waiting: BillApproval.Waiting?
        /// Whole days since the bill entered its route.
        public var ageDays: Int
        public var preparer: String?
        public var decisions: [BillApproval.Decision]
    }

    /// `pending`, `approved`, `rejected` or `all`; nil when the text names none of these.
    public static func statuses(named text: String) -> Set<BillApproval.Status>? {
        text == "all" ? Set(BillApproval.Status.allCases) : BillApproval.Status(rawValue: text).map { [$0] }
    }

    public func entries(sourceKey: SourceKey?, statuses: Set<BillApproval.Status>, asOf now: Date = Date()) throws -> [Entry] {
        try store.billApprovals(sourceKey: sourceKey, statuses: statuses).map { entry($0, asOf: now) }
    }

    public func entry(_ approval: BillApproval, asOf now: Date = Date()) -> Entry {
        Entry(source: approval.sourceKey, billID: approval.billID, bill: approval.facts.billTitle, amount: approval.facts.amount.decimalText,
              currency: "\(approval.facts.amount.currency)", status: approval.status, waiting: approval.waiting(asOf: now),
              ageDays: approval.ageDays(asOf: now), preparer: approval.facts.preparerLogin, decisions: approval.decisions)
    }
}
