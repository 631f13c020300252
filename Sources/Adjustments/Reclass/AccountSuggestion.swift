public import Ledger

/// The account the company's history says a line belongs to: how likely that is, the analytic
/// distribution that usually goes with it, the earlier entries that show it, and why, in words.
public struct AccountSuggestion: Sendable, Hashable {
    public var accountID: Int
    /// Between 0 and 1, smoothed so that a little history never looks certain (see `AccountSuggestionModel`).
    public var probability: Double
    /// How many earlier lines like this one there are, and how many of them went to `accountID`.
    public var similarLines: Int
    public var agreeingLines: Int
    /// The distribution most often used with the account on those lines; nil when they mostly had none.
    public var analytic: AnalyticDistribution?
    /// The latest entries among the agreeing lines, newest first.
    public var evidenceMoveIDs: [Int]
    /// "14 of the 15 earlier lines of City Power & Water labelled 'electricity water' in Vendor Bills went to 611000 Utilities".
    public var reason: String

    public init(accountID: Int, probability: Double, similarLines: Int, agreeingLines: Int, analytic: AnalyticDistribution?,
                evidenceMoveIDs: [Int], reason: String) {
        self.accountID = accountID
        self.probability = probability
        self.similarLines = similarLines
        self.agreeingLines = agreeingLines
        self.analytic = analytic
        self.evidenceMoveIDs = evidenceMoveIDs
        self.reason = reason
    }
}
