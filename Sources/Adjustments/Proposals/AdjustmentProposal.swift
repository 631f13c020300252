public import Ledger

/// A drafted adjusting entry: what it is, the entry it would create, how it was computed, the records
/// it rests on, and how sure the proposer is. A value: its review status lives in the store.
public struct AdjustmentProposal: Sendable, Codable, Hashable {
    public var kind: AdjustmentKind
    public var company: RecordRef
    public var period: Period
    /// What the proposal is about, stable across runs (e.g. "partner-12/account-22"): with kind,
    /// company and period it makes the idempotency key, so proposing again replaces, not adds.
    public var subject: String
    public var entry: ProposedEntry
    public var calculation: [CalculationStep]
    /// The source records (bills, lines, orders) with links into Odoo where known.
    public var evidence: [RecordRef]
    /// Between 0 and 1: how likely the proposal is right as drafted.
    public var confidence: Double
    /// Why, in one or two sentences.
    public var reason: String

    public init(kind: AdjustmentKind, company: RecordRef, period: Period, subject: String, entry: ProposedEntry,
                calculation: [CalculationStep], evidence: [RecordRef], confidence: Double, reason: String) {
        self.kind = kind
        self.company = company
        self.period = period
        self.subject = subject
        self.entry = entry
        self.calculation = calculation
        self.evidence = evidence
        self.confidence = confidence
        self.reason = reason
    }

    /// Identifies the proposal in the store and tags its entry in Odoo, so that a retry or a second
    /// run finds the entry it already created. Only letters, digits, '-' and '.': safe in an Odoo
    /// `ilike` search (no `%` or `_` wildcards).
    public var idempotencyKey: String {
        "closer.\(kind.rawValue).c\(company.id).\(period).\(subject)"
            .map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? String($0) : "-" }.joined()
    }
}
