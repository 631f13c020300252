/// Which duties a set of Odoo groups gives, read from the access rights as Odoo enforces them: changing vendors
/// and their bank accounts takes write or create on `res.partner` and `res.partner.bank`; trusting an account
/// also takes `account.group_validate_bank_account`; posting a bill takes write on `account.move` and
/// `account.group_account_invoice` (`_post` checks it); paying takes create on `account.payment`.
public struct DutyRights: Sendable {
    public var access: [ModelAccess]
    public var groups: OdooGroupSet

    public init(access: [ModelAccess], groups: OdooGroupSet) {
        self.access = access
        self.groups = groups
    }

    /// The duties of a user in `held` groups (`res.users.groups_id`, implied groups closed over again here),
    /// each with the held groups that give it: those that alone give every condition, else any that gives one.
    public func grants(holding held: Set<Int>) -> [DutyGrant] {
        let closure = groups.closure(held)
        return VendorDuty.allCases.compactMap { duty in
            let conditions = self.conditions(duty)
            guard !conditions.isEmpty, conditions.allSatisfy({ $0.everyone || !$0.groups.isDisjoint(with: closure) }) else { return nil }
            if conditions.allSatisfy(\.everyone) { return DutyGrant(duty: duty, grantedBy: ["every user"]) }
            let meets = { (group: Int, condition: Condition) in condition.everyone || !condition.groups.isDisjoint(with: groups.closure([group])) }
            let whole = held.filter { group in conditions.allSatisfy { meets(group, $0) } }
            let givers = whole.isEmpty ? held.filter { group in conditions.contains { !$0.everyone && meets(group, $0) } } : whole
            return DutyGrant(duty: duty, grantedBy: givers.map(groups.name).sorted())
        }
    }

    /// Whether the groups make an administrator (Settings).
    public func isAdministrator(holding held: Set<Int>) -> Bool { groups.administrator.map(groups.closure(held).contains) ?? false }

    /// One condition of a duty: any of these groups, or every user.
    struct Condition {
        var groups: Set<Int>
        var everyone: Bool
    }

    /// What a duty takes; none for approving bills, which Closer's roles give, not Odoo's groups.
    func conditions(_ duty: VendorDuty) -> [Condition] {
        switch duty {
        case .maintainVendors: [granting("res.partner", write: true, create: true)]
        case .maintainBankDetails: [granting("res.partner.bank", write: true, create: true)]
        case .trustBankAccounts: [granting("res.partner.bank", write: true, create: false), group(groups.validateBankAccounts)]
        case .postBills: [granting("account.move", write: true, create: false), group(groups.invoicing)]
        case .pay: [granting("account.payment", write: false, create: true)]
        case .approveBills: []
        }
    }

    private func granting(_ model: String, write: Bool, create: Bool) -> Condition {
        let lines = access.filter { $0.model == model && ((write && $0.write) || (create && $0.create)) }
        return Condition(groups: Set(lines.compactMap(\.groupID)), everyone: lines.contains { $0.groupID == nil })
    }

    /// A group Odoo's code asks for; a database without it (its module not installed) gives the duty to nobody.
    private func group(_ id: Int?) -> Condition { Condition(groups: id.map { [$0] } ?? [], everyone: false) }
}
