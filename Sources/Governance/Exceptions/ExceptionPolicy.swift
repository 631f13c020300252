/// Who owns each kind of open business exception and how many days it may stay open before it is overdue: a line
/// per family, and optionally per kind ("treasury.bank-change-unverified"), which wins over its family's.
public struct ExceptionPolicy: Sendable, Equatable {
    public struct Ownership: Sendable, Equatable, Codable {
        /// A Closer role ("approver") or a login: who is expected to act.
        public var owner: String
        public var slaDays: Int

        public init(owner: String, slaDays: Int) {
            self.owner = owner
            self.slaDays = slaDays
        }
    }

    public var families: [ExceptionFamily: Ownership]
    /// By "family.kind".
    public var kinds: [String: Ownership]

    public init(families: [ExceptionFamily: Ownership] = Self.defaultFamilies, kinds: [String: Ownership] = [:]) {
        self.families = families
        self.kinds = kinds
    }

    /// Payables and treasury stop money, so they are owed a decision soonest; duties findings need a change of
    /// access in Odoo, which takes longer.
    public static let defaultFamilies: [ExceptionFamily: Ownership] = [
        .payables: Ownership(owner: "approver", slaDays: 2), .receivables: Ownership(owner: "approver", slaDays: 5),
        .treasury: Ownership(owner: "controller", slaDays: 1), .expenses: Ownership(owner: "approver", slaDays: 5),
        .duties: Ownership(owner: "controller", slaDays: 10),
    ]

    /// The kind's own line, else its family's, else an approver within a week.
    public func ownership(of family: ExceptionFamily, kind: String) -> Ownership {
        kinds["\(family.rawValue).\(kind)"] ?? families[family] ?? Ownership(owner: "approver", slaDays: 7)
    }
}
