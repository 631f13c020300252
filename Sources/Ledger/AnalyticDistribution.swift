public import Foundation

/// Odoo 17+'s analytic_distribution: analytic account ids (a single id, or several joined by commas
/// for multi-plan combinations) mapped to a percentage. Percentages are exact decimals.
public struct AnalyticDistribution: Hashable, Sendable, Codable {
    public struct Share: Hashable, Sendable, Codable {
        public var accountIDs: [Int]
        public var percent: Decimal

        public init(accountIDs: [Int], percent: Decimal) {
            self.accountIDs = accountIDs
            self.percent = percent
        }
    }

    public var shares: [Share]

    public init(_ shares: [Share]) { self.shares = shares }

    public var totalPercent: Decimal { shares.reduce(Decimal(0)) { $0 + $1.percent } }
}
