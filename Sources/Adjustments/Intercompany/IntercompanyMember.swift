public import Ledger

/// One company of an intercompany group: its pulled ledger, what identifies it, and where it sits
/// in the group (its parent, if any).
public struct IntercompanyMember: Sendable {
    /// Identifies the member across runs and databases: the store's source key of its ledger.
    public var key: SourceKey
    /// A short name for proposal subjects and worksheet rows (default: the company name, slugged).
    public var code: String
    public var snapshot: LedgerSnapshot
    /// The member this one consolidates into; its close waits for this one's.
    public var parentKey: SourceKey?
    /// Explicit partner mapping: for another member's key, the partners that stand for it in this
    /// member's books. Members not listed are found by name (Odoo gives each company its own partner).
    public var partnersForMembers: [SourceKey: [Int]]

    public init(key: SourceKey, snapshot: LedgerSnapshot, code: String? = nil, parentKey: SourceKey? = nil,
                partnersForMembers: [SourceKey: [Int]] = [:]) {
        self.key = key
        self.code = code ?? Self.slug(snapshot.company.name)
        self.snapshot = snapshot
        self.parentKey = parentKey
        self.partnersForMembers = partnersForMembers
    }

    public var name: String { snapshot.company.name }
    public var currency: Currency { snapshot.company.currency }

    /// Closed for the period when Odoo's fiscal-year or hard lock date is at or after its end:
    /// nothing can be posted into it any more, so its intercompany balances are final.
    public func isClosed(through period: Period) -> Bool {
        snapshot.company.lockDates.close(period)
    }

    /// "Northwind Components Ltd" → "northwind-components-ltd".
    static func slug(_ name: String) -> String {
        name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }
}
