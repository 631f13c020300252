import Adjustments
public import Ledger

/// How many approvals a proposal needs and whose count, by proposal kind and amount (whole units of
/// the company currency). Read from the rule set's `approvals:` section; these defaults are the
/// built-in ones: any approver up to 10,000, a controller above 10,000, two approvals with at least
/// one controller above 50,000.
public struct ApprovalPolicy: Sendable, Equatable {
    /// One amount band: proposals above `above` (up to the next tier's `above`) need these approvals.
    public struct Tier: Sendable, Equatable {
        public var above: Int64
        public var approvals: Int
        /// The roles whose approvals count.
        public var roles: Set<CloserRole>
        /// How many of the approvals must come from a controller.
        public var controllers: Int

        public init(above: Int64, approvals: Int = 1, roles: Set<CloserRole> = [.approver, .controller], controllers: Int = 0) {
            self.above = above
            self.approvals = approvals
            self.roles = roles
            self.controllers = controllers
        }
    }

    /// The proposal kinds a policy can name: the adjusting-entry kinds and bank matches.
    public static let bankMatchKind = "bank-match"
    public static let proposalKinds = AdjustmentKind.allCases.map(\.rawValue) + [bankMatchKind]

    /// Tiers of every kind without its own, lowest first; the first is `above: 0`.
    public var standard: [Tier]
    /// Tiers of particular kinds, replacing the standard ones for that kind.
    public var byKind: [String: [Tier]]

    public init(standard: [Tier] = [Tier(above: 0), Tier(above: 10_000, roles: [.controller]),
                                    Tier(above: 50_000, approvals: 2, controllers: 1)],
                byKind: [String: [Tier]] = [:]) {
        self.standard = standard
        self.byKind = byKind
    }

    /// The tier an amount falls in, and the band it covers ("above 10,000", "up to 10,000").
    public func tier(kind: String, amount: Money?) -> (tier: Tier, band: String) {
        let tiers = byKind[kind] ?? standard
        let magnitude = amount?.magnitude
        let index = tiers.lastIndex { tier in
            guard tier.above > 0 else { return true }
            guard let magnitude else { return false }
            return magnitude.minorUnits > tier.above * Self.unit(scale: magnitude.scale)
        } ?? 0
        let tier = tiers[index]
        if tier.above > 0 { return (tier, "above \(Self.grouped(tier.above))") }
        return (tier, tiers.count > 1 ? "up to \(Self.grouped(tiers[1].above))" : "of any amount")
    }

    public static func unit(scale: Int) -> Int64 {
        (0..<scale).reduce(1) { value, _ in value * 10 }
    }

    public static func grouped(_ whole: Int64) -> String {
        var text = String(whole)
        for index in stride(from: text.count - 3, to: 0, by: -3) { text.insert(",", at: text.index(text.startIndex, offsetBy: index)) }
        return text
    }
}
