/// What the company decided about one check's findings before: how often a controller dismissed them, and how often
/// they were real problems (someone acknowledged one to fix it, or it led to an approved adjustment).
public struct CheckDecisions: Sendable, Codable, Hashable {
    public var dismissed: Int
    public var confirmed: Int

    public init(dismissed: Int = 0, confirmed: Int = 0) {
        self.dismissed = dismissed
        self.confirmed = confirmed
    }

    /// The share of real problems, Laplace-smoothed toward a half: (confirmed + 1) / (confirmed + dismissed + 2).
    public var realShare: Double { Double(confirmed + 1) / Double(confirmed + dismissed + 2) }

    /// The weight on the check's risk: 0.5 + the share, so between 0.5 and 1.5, and 1 with no history.
    public var riskWeight: Double { 0.5 + realShare }

    /// "dismissed 10 times and a real problem 0 times here before: risk × 0.58".
    public var reason: String {
        "dismissed \(Self.times(dismissed)) and a real problem \(Self.times(confirmed)) here before: risk × "
            + String(Double(Int((riskWeight * 100).rounded())) / 100)
    }

    static func times(_ count: Int) -> String { count == 1 ? "once" : "\(count) times" }
}

extension FindingRiskInput {
    /// The weight of each check with a history, and why.
    public init(history: [String: CheckDecisions]) {
        let known = history.filter { $0.value.dismissed + $0.value.confirmed > 0 }
        self.init(weightByCheck: known.mapValues(\.riskWeight), reasonByCheck: known.mapValues(\.reason))
    }
}
