/// One line of Odoo's access rights (`ir.model.access`) that lets a group, or every user when it names none,
/// write or create records of a model.
public struct ModelAccess: Sendable, Codable, Hashable {
    public var model: String
    public var groupID: Int?
    public var write: Bool
    public var create: Bool

    public init(model: String, groupID: Int?, write: Bool, create: Bool) {
        self.model = model
        self.groupID = groupID
        self.write = write
        self.create = create
    }
}

/// The groups of an Odoo database as the duties need them: names, what each implies (transitively), and the
/// few groups Odoo's code checks beside the access rights.
public struct OdooGroupSet: Sendable, Codable, Hashable {
    public var names: [Int: String]
    public var implied: [Int: Set<Int>]
    /// `base.group_system` (Settings).
    public var administrator: Int?
    /// `account.group_account_invoice`: `account.move._post` refuses anyone outside it.
    public var invoicing: Int?
    /// `account.group_validate_bank_account`: the only group that may set `allow_out_payment`.
    public var validateBankAccounts: Int?

    public init(names: [Int: String], implied: [Int: Set<Int>], administrator: Int?, invoicing: Int?, validateBankAccounts: Int?) {
        self.names = names
        self.implied = implied
        self.administrator = administrator
        self.invoicing = invoicing
        self.validateBankAccounts = validateBankAccounts
    }

    /// The groups and every group they imply.
    public func closure(_ groups: Set<Int>) -> Set<Int> { groups.union(groups.flatMap { implied[$0] ?? [] }) }

    public func name(_ id: Int) -> String { names[id] ?? "group \(id)" }
}
