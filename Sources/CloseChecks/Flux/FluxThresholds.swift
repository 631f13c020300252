public import Ledger

/// Which accounts a flux review covers.
public enum FluxScope: String, Sendable, Codable, Hashable, CaseIterable {
    case all
    case profitAndLoss = "profit-and-loss"
    case balanceSheet = "balance-sheet"

    public func includes(_ type: AccountType?) -> Bool {
        switch self {
        case .all: true
        case .profitAndLoss: type?.isProfitAndLoss ?? false
        case .balanceSheet: !(type?.isProfitAndLoss ?? true)
        }
    }
}

/// When a variance is worth a controller's attention: both its absolute size and its size relative
/// to the base must reach the thresholds (a base of zero counts as 100 %).
public struct FluxThresholds: Sendable, Codable, Hashable {
    /// Whole units of the company currency (5_000 = 5,000.00 USD).
    public var absolute: Int64
    public var relativePercent: Int
    public var scope: FluxScope

    public init(absolute: Int64 = 5_000, relativePercent: Int = 20, scope: FluxScope = .all) {
        self.absolute = absolute
        self.relativePercent = relativePercent
        self.scope = scope
    }

    /// Exact integer test on minor units: |delta| ≥ absolute and |delta| × 100 ≥ relative × |base|.
    public func isMaterial(delta: Int64, base: Int64, decimalPlaces: Int = 2) -> Bool {
        let size = delta.magnitude
        var minimum = absolute.magnitude
        for _ in 0..<decimalPlaces {
            let (scaled, overflow) = minimum.multipliedReportingOverflow(by: 10)
            if overflow { return false }
            minimum = scaled
        }
        guard size >= minimum else { return false }
        guard base != 0 else { return UInt64(100) >= UInt64(max(0, relativePercent)) }
        let (scaled, overflow) = size.multipliedReportingOverflow(by: 100)
        let (limit, limitOverflow) = base.magnitude.multipliedReportingOverflow(by: UInt64(max(0, relativePercent)))
        if overflow { return true }
        if limitOverflow { return false }
        return scaled >= limit
    }
}

/// The direction in which an account's balance grows.
public enum BalanceNature: String, Sendable, Codable, Hashable {
    /// Assets and expenses: amounts are debit − credit.
    case debit
    /// Liabilities, equity and income: amounts are credit − debit.
    case credit
}
