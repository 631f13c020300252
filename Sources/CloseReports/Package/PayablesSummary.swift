public import CloseStore
import Foundation
public import Ledger
public import Payables

/// The period's vendor bills as the intake left them: how many stand in each status, and for each bill
/// that was stopped or let go, why, for how long, and who released it with what reason.
public struct PayablesSummary: Sendable, Codable {
    public struct StatusCount: Sendable, Codable {
        public var status: BillReview.Status
        public var bills: Int
    }

    public struct Bill: Sendable, Codable {
        public var billID: Int
        public var name: String
        public var reference: String?
        public var vendor: String
        public var amount: Money
        public var status: BillReview.Status
        public var action: IntakeAction?
        public var reasons: [String]
        /// Whole days from when the problems were found to the package's day; nil for a clear bill.
        public var ageDays: Int?
        public var preparer: String?
        public var release: BillReview.Release?
    }

    /// Every status, in `BillReview.Status.allCases` order, empty ones included.
    public var byStatus: [StatusCount]
    /// The period's reviewed bills but the clear ones, oldest problem first.
    public var bills: [Bill]
    /// Every reviewed bill of the period, clear ones included: the audit excerpt takes their events.
    public var reviewedBillIDs: Set<Int>

    public var reviewed: Int { byStatus.reduce(0) { $0 + $1.bills } }
    public var blocked: [Bill] { bills.filter { $0.status == .blocked } }
    public var released: [Bill] { bills.filter { $0.status == .released } }

    /// `reviews`: any ledger's and period's; a bill belongs to the period by its invoice date, else by when it was checked.
    public init(reviews: [BillReview], period: Period, asOf: LocalDate) {
        let endOfDay = Date(timeIntervalSince1970: TimeInterval(Int(asOf.daysSinceEpoch) + 1) * 86_400)
        let ofPeriod = reviews.filter { review in
            (review.verdict.bill.invoiceDate ?? LocalDate(iso: review.checkedAt.prefix(10))).map(period.contains) ?? false
        }
        reviewedBillIDs = Set(ofPeriod.map(\.billID))
        byStatus = BillReview.Status.allCases.map { status in StatusCount(status: status, bills: ofPeriod.filter { $0.status == status }.count) }
        bills = ofPeriod.filter { $0.status != .clear }.map { review in
            let bill = review.verdict.bill
            return Bill(billID: review.billID, name: bill.name, reference: bill.reference, vendor: bill.vendor.displayName, amount: bill.total,
                        status: review.status, action: review.verdict.action, reasons: review.verdict.reasons,
                        ageDays: review.ageDays(asOf: endOfDay), preparer: review.preparerLogin, release: review.release)
        }
    }

    /// "12 bills checked: 9 touchless, 2 blocked, 1 released".
    public var headline: String {
        let counts = byStatus.filter { $0.bills > 0 && $0.status != .clear }.map { "\($0.bills) \($0.status.rawValue)" }
        let clear = byStatus.first { $0.status == .clear }?.bills ?? 0
        return "\(reviewed) bills checked: " + (["\(clear) touchless"] + counts).joined(separator: ", ")
    }
}
