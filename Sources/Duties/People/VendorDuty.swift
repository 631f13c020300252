/// A duty in the chain from a vendor's record to the money leaving. Two that check each other in one pair of
/// hands let a person pay a vendor of their own making, or to an account of their own choosing.
public enum VendorDuty: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case maintainVendors = "maintain-vendors"
    case maintainBankDetails = "maintain-bank-details"
    case trustBankAccounts = "trust-bank-accounts"
    case postBills = "post-bills"
    case approveBills = "approve-bills"
    case pay

    /// What holding the duty lets a person do, for messages.
    public var words: String {
        switch self {
        case .maintainVendors: "create or change vendors"
        case .maintainBankDetails: "create or change vendors' bank accounts"
        case .trustBankAccounts: "trust bank accounts for payment"
        case .postBills: "post vendor bills"
        case .approveBills: "approve vendor bills in Closer"
        case .pay: "register payments to vendors"
        }
    }

    /// What doing it to one vendor was, for messages.
    public var done: String {
        switch self {
        case .maintainVendors: "created or changed the vendor"
        case .maintainBankDetails: "created or changed its bank account"
        case .trustBankAccounts: "trusted its bank account"
        case .postBills: "posted its bills"
        case .approveBills: "approved its bills in Closer"
        case .pay: "paid it"
        }
    }

    /// Vendor master data: who a vendor is and where its money goes.
    public var isMasterData: Bool { self == .maintainVendors || self == .maintainBankDetails || self == .trustBankAccounts }

    /// Whether one person should not hold both: master data against bills and payments, and changing bank details
    /// against trusting them (Odoo's trust is the second look at an account).
    public func conflicts(with other: VendorDuty) -> Bool {
        isMasterData != other.isMasterData || Set([self, other]) == [.maintainBankDetails, .trustBankAccounts]
    }

    /// The pairs among `duties` that conflict, each once, in the order of the cases.
    public static func conflictingPairs(_ duties: Set<VendorDuty>) -> [(VendorDuty, VendorDuty)] {
        let sorted = duties.sorted()
        return sorted.enumerated().flatMap { index, first in sorted[(index + 1)...].filter(first.conflicts).map { (first, $0) } }
    }

    public static func < (lhs: VendorDuty, rhs: VendorDuty) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}
