public import Ledger

/// How much a finding's amount weighs against the company's size.
public enum Materiality: String, Sendable, Codable, Hashable, CaseIterable {
    /// At or above the rule set's material_percent of the company's size.
    case material
    /// Between trivial_percent and material_percent.
    case moderate
    /// Below trivial_percent.
    case trivial
    /// The finding names no amount (a sequence gap, a journal), or the company has no size yet.
    case unknown
}

/// Where a finding stands on the controller's reading list: its rank (1 is read first), its materiality and
/// risk, and whether it is on the first screen (every blocking finding, then the warnings risky or material enough).
public struct FindingRanking: Sendable, Codable, Hashable {
    public var rank: Int
    /// The total of the finding's records in the company currency, when they carry amounts.
    public var amount: Money?
    public var materiality: Materiality
    /// The amount in basis points (hundredths of a percent) of the company's size.
    public var materialityBasisPoints: Int?
    /// The amount in basis points of the period's balance of the one account the finding's lines are on: what share
    /// of that account's figure is in question (nil when its lines are on several accounts, or it names no line).
    public var accountShareBasisPoints: Int?
    /// 0…1: the check's severity and kind (an anomaly's score), weighed by what the company's history says.
    public var risk: Double
    /// Why the company's history weighs this kind's risk up or down (nil when it has no history).
    public var riskReason: String?
    public var onFirstScreen: Bool

    public init(rank: Int, amount: Money?, materiality: Materiality, materialityBasisPoints: Int?, risk: Double, onFirstScreen: Bool) {
        self.rank = rank
        self.amount = amount
        self.materiality = materiality
        self.materialityBasisPoints = materialityBasisPoints
        self.risk = risk
        self.onFirstScreen = onFirstScreen
    }
}
