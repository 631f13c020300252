public import Foundation

/// The rule set's `payables.approval` section: what makes a vendor bill need approval and whose.
public struct BillApprovalRules: Sendable, Codable, Hashable {
    /// A bill of at least `atLeast` (whole units of the company currency) needs a level decided by one of `roles`.
    public struct AmountLevel: Sendable, Codable, Hashable {
        public var atLeast: Decimal
        public var roles: [String]

        public init(atLeast: Decimal, roles: [String]) {
            self.atLeast = atLeast
            self.roles = roles
        }
    }

    /// A risk rule: when it fires, one of `roles` must approve. `limit` is days (vendor age, bank change) or a score (0…1).
    public struct Trigger: Sendable, Codable, Hashable {
        public var limit: Double
        public var roles: [String]

        public init(limit: Double, roles: [String]) {
            self.limit = limit
            self.roles = roles
        }
    }

    /// Lowest first; each threshold the bill reaches adds a level, so the amounts above the second need two.
    public var amountLevels: [AmountLevel]
    /// A vendor with no posted bill, or whose first is fewer days old than the limit.
    public var newVendor: Trigger?
    /// Vendor bank details changed within the limit's days before the bill.
    public var bankChange: Trigger?
    /// Analytic account (cost centre) code → the roles that approve what it is charged.
    public var analyticAccounts: [String: [String]]
    /// A duplicate score at least the limit.
    public var duplicateScore: Trigger?
    /// An anomaly score at least the limit.
    public var anomalyScore: Trigger?

    public init(amountLevels: [AmountLevel] = [AmountLevel(atLeast: 1_000, roles: ["approver", "controller"]),
                                               AmountLevel(atLeast: 10_000, roles: ["controller"])],
                newVendor: Trigger? = Trigger(limit: 90, roles: ["controller"]),
                bankChange: Trigger? = Trigger(limit: 30, roles: ["controller"]),
                analyticAccounts: [String: [String]] = [:],
                duplicateScore: Trigger? = Trigger(limit: 0.5, roles: ["approver", "controller"]),
                anomalyScore: Trigger? = Trigger(limit: 0.8, roles: ["approver", "controller"])) {
        self.amountLevels = amountLevels
        self.newVendor = newVendor
        self.bankChange = bankChange
        self.analyticAccounts = analyticAccounts
        self.duplicateScore = duplicateScore
        self.anomalyScore = anomalyScore
    }
}
