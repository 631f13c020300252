public import Ledger

/// A vendor bill line expensed at once that pays for months after the period: what to defer, over which
/// months, how sure, and why.
public struct PrepaidCandidate: Sendable, Codable, Hashable {
    public var lineID: Int
    public var moveID: Int
    public var partnerID: Int?
    public var label: String
    public var expenseAccountID: Int
    /// Where the deferral goes: the account of the vendor's earlier deferrals, else the rule set's, else Odoo's prepayments type.
    public var prepaidAccountID: Int?
    /// The whole line spread over the months it covers; what is left after the period is deferred.
    public var schedule: DeferralSchedule
    public var evidence: [PrepaidEvidence]
    /// 0…1, from the evidence's log-odds.
    public var confidence: Double
    public var reason: String

    /// The part that belongs to months after `period`.
    public func deferred(after period: Period) -> Money { schedule.remaining(after: period) }
}
