public import Adjustments
public import Ledger

/// What `closer intercompany` reports: the pairs compared and how, the mismatches with their
/// documents, the eliminations (proposals or worksheet) and the parents still waiting.
public struct ConsolidationReport: Sendable, Codable {
    public struct Member: Sendable, Codable, Hashable {
        public var key: SourceKey
        public var name: String
        public var currency: String
        public var parentKey: SourceKey?
        /// Its fiscal-year or hard lock date is at or after the period end.
        public var closed: Bool
    }

    public var period: Period
    public var members: [Member]
    /// "Northwind Components Ltd, journal MISC"; nil when eliminations go to the worksheet.
    public var consolidationCompany: String?
    public var partnerLinks: [IntercompanyPartnerLink]
    public var comparisons: [IntercompanyComparison]
    public var eliminations: [EliminationRow]
    public var proposals: [AdjustmentProposal]
    public var worksheet: String?
    public var waiting: [WaitingParent]
    public var notes: [String]

    public var mismatches: [IntercompanyComparison] { comparisons.filter { $0.status == .mismatched } }
}
