/// What an adjusting entry does. The raw values are stable ids: they key idempotency, rule-set
/// sections, approval policies and the ground truth of the demo company.
public enum AdjustmentKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// A recurring vendor cost with no bill in the period, reversed on the first day of the next.
    case accrual
    /// Goods received on purchase orders but not yet billed (GRNI), valued at the order price.
    case receivedNotBilled = "received-not-billed"
    /// Goods delivered on sale orders but not yet invoiced, valued at the order price.
    case deliveredNotInvoiced = "delivered-not-invoiced"
    /// The period's release of a prepaid (deferred) expense or a deferred revenue.
    case deferralRelease = "deferral-release"
    /// The part of a bill expensed at once that pays for later months, moved to a prepaid account.
    case deferral
    /// A line booked to an account the company's history says is wrong, moved to the right one.
    case reclass
    /// Elimination of intercompany balances for a consolidation.
    case intercompanyElimination = "intercompany-elimination"

    public var title: String {
        switch self {
        case .accrual: "Accrual of a missing recurring bill"
        case .receivedNotBilled: "Goods received not billed"
        case .deliveredNotInvoiced: "Goods delivered not invoiced"
        case .deferralRelease: "Release of a deferral"
        case .deferral: "Deferral of a cost expensed at once"
        case .reclass: "Reclassification"
        case .intercompanyElimination: "Intercompany elimination"
        }
    }

    public static func < (lhs: AdjustmentKind, rhs: AdjustmentKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
