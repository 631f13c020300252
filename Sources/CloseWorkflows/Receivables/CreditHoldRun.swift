public import CloseStore
public import Ledger
public import Receivables

/// What one credit run found and did: the customers over policy or with an open hold, the holds it proposed,
/// applied in Odoo and released, and what it left for a run outside audit mode.
public struct CreditHoldRun: Sendable, Codable {
    public var source: SourceKey
    public var asOf: LocalDate
    /// Whether this run could write to Odoo (not in audit mode).
    public var writes: Bool
    public var creditLimitsUsed = false
    public var salesInstalled = false
    /// Customers over policy, and customers with an open hold however they stand.
    public var verdicts: [CreditVerdict] = []
    public var proposed: [CreditHold] = []
    public var applied: [CreditHold] = []
    public var released: [CreditHold] = []
    /// Steps this run could not take, each in a sentence that says what to do.
    public var notes: [String] = []

    public init(source: SourceKey, asOf: LocalDate, writes: Bool) {
        self.source = source
        self.asOf = asOf
        self.writes = writes
    }
}
