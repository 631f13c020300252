public import CloseStore
public import Foundation
public import Ledger
public import Payables

/// The exception queue as every surface shows it (API, dashboard): the reviewed bills, blocked ones
/// first and oldest first, each with its owner, its age against the rule set's SLA, and its release.
public struct BillHoldQueue: Sendable {
    public var store: AppDatabase
    public var rules: IntakeRules

    public init(store: AppDatabase, rules: IntakeRules) {
        self.store = store
        self.rules = rules
    }

    /// One bill of the queue, with its amount as exact decimal text.
    public struct Entry: Sendable, Codable, Hashable {
        public var source: SourceKey
        public var billID: Int
        public var bill: String
        public var reference: String?
        public var vendor: String
        public var amount: String
        public var currency: String
        public var status: BillReview.Status
        public var action: IntakeAction?
        public var reasons: [String]
        /// Whole days since the problems were found; nil while clear.
        public var ageDays: Int?
        public var slaDays: Int
        /// A blocked bill that has waited longer than the SLA.
        public var overdue: Bool
        public var preparer: String?
        /// The AP clerk the rules name, else the bill's preparer.
        public var owner: String?
        public var release: BillReview.Release?
    }

    /// The statuses a filter names: one status, `open` (blocked and warned) or `all`; nil when the text
    /// names none of these.
    public static func statuses(named text: String) -> Set<BillReview.Status>? {
        switch text {
        case "all": Set(BillReview.Status.allCases)
        case "open": [.blocked, .warned]
        default: BillReview.Status(rawValue: text).map { [$0] }
        }
    }

    /// `sourceKey` nil: every ledger; `vendor`: part of the vendor's name, any case.
    public func entries(sourceKey: SourceKey?, statuses: Set<BillReview.Status>, vendor: String?, asOf now: Date = Date()) throws -> [Entry] {
        let reviews = try store.billReviews(sourceKey: sourceKey, statuses: statuses, vendor: vendor)
        // The store lists oldest problem first; blocked bills go before the rest, keeping that order.
        let ordered = reviews.filter { $0.status == .blocked } + reviews.filter { $0.status != .blocked }
        return ordered.map { entry($0, asOf: now) }
    }

    public func entry(_ review: BillReview, asOf now: Date = Date()) -> Entry {
        let bill = review.verdict.bill
        let age = review.ageDays(asOf: now)
        return Entry(source: review.sourceKey, billID: review.billID, bill: bill.name, reference: bill.reference, vendor: bill.vendor.displayName,
                     amount: bill.total.decimalText, currency: "\(bill.total.currency)", status: review.status, action: review.verdict.action,
                     reasons: review.verdict.reasons, ageDays: age, slaDays: rules.slaDays,
                     overdue: review.status == .blocked && (age ?? 0) > rules.slaDays, preparer: review.preparerLogin,
                     owner: rules.owner(preparerLogin: review.preparerLogin), release: review.release)
    }
}
