/// Two duties one person holds that should be split, each with what gives it, and what to do.
public struct DutyConflict: Sendable, Codable, Hashable {
    public var first: DutyGrant
    public var second: DutyGrant

    public init(first: DutyGrant, second: DutyGrant) {
        self.first = first
        self.second = second
    }

    /// "can create or change vendors' bank accounts and register payments to vendors".
    public var words: String { "can \(first.duty.words) and \(second.duty.words)" }

    /// Take one side away (naming the groups or role that give it), or keep both with a second person's review.
    public func fix(for person: String) -> String {
        "take \(person) out of \(Self.list(first.grantedBy)) or out of \(Self.list(second.grantedBy)); where the team is too small to split them, "
            + "have a second person review every \(reviewed) before it is paid"
    }

    /// What the second person looks at for this pair.
    var reviewed: String {
        let duties: Set<VendorDuty> = [first.duty, second.duty]
        if duties.contains(.maintainBankDetails) || duties.contains(.trustBankAccounts) { return "new or changed bank account" }
        return "new or changed vendor"
    }

    static func list(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        return quoted.count < 2 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}
