import Duties
import OdooRPC

extension OdooDutyReader {
    /// The models whose access rights make the duties.
    static let dutyModels = ["res.partner", "res.partner.bank", "account.move", "account.payment"]

    /// The access rights on the duties' models and the groups Odoo's code checks. Reading them takes Odoo's
    /// Access Rights group (`base.group_erp_manager`), which administrators hold.
    func rights() async throws -> DutyRights {
        let models = try await client.searchRead("ir.model", domain: [["model", "in", RPCValue(Self.dutyModels)]], fields: ["model"])
        let modelNames = Dictionary(uniqueKeysWithValues: models.compactMap { row in row["id"]?.int.flatMap { id in row["model"]?.stringValue.map { (id, $0) } } })
        let lines = try await client.searchRead("ir.model.access", domain: [["model_id", "in", RPCValue(modelNames.keys.sorted())], ["active", "=", true]],
                                                fields: ["model_id", "group_id", "perm_write", "perm_create"])
        let access = lines.compactMap { row -> ModelAccess? in
            guard let model = row["model_id"]?.many2one.flatMap({ modelNames[$0.id] }) else { return nil }
            return ModelAccess(model: model, groupID: row["group_id"]?.many2one?.id, write: row["perm_write"]?.boolValue ?? false,
                               create: row["perm_create"]?.boolValue ?? false)
        }
        let groups = OdooUserGroups(client: client)
        let rows = try await client.searchRead("res.groups", domain: [], fields: ["full_name", "name", "trans_implied_ids"])
        var names: [Int: String] = [:], implied: [Int: Set<Int>] = [:]
        for row in rows {
            guard let id = row["id"]?.int else { continue }
            names[id] = row["full_name"]?.stringValue ?? row["name"]?.stringValue
            implied[id] = Set(row["trans_implied_ids"]?.arrayValue?.compactMap(\.int) ?? [])
        }
        return DutyRights(access: access, groups: OdooGroupSet(
            names: names, implied: implied, administrator: try await groups.group(module: "base", name: "group_system"),
            invoicing: try await groups.group(module: "account", name: "group_account_invoice"),
            validateBankAccounts: try await groups.group(module: "account", name: "group_validate_bank_account")))
    }

    /// The internal users of the company, archived ones included, and any other user among `authors`, with their duties.
    func people(companyID: Int, authors: Set<Int>, rights: DutyRights) async throws -> [DutyPerson] {
        let field = try await OdooUserGroups(client: client).groupsField()
        let everyone: RPCValue = ["active", "in", [true, false]]
        let inCompany = try await client.searchRead("res.users", domain: [["share", "=", false], ["company_ids", "in", RPCValue([companyID])], everyone],
                                                    fields: ["login", "name", "active", field])
        let known = Set(inCompany.compactMap { $0["id"]?.int })
        let others = authors.subtracting(known).sorted()
        let outside = others.isEmpty ? [] : try await client.searchRead("res.users", domain: [["id", "in", RPCValue(others)], everyone],
                                                                         fields: ["login", "name", "active", field])
        return (inCompany + outside).compactMap { row in
            guard let id = row["id"]?.int else { return nil }
            let held = Set(row[field]?.arrayValue?.compactMap(\.int) ?? [])
            return DutyPerson(odooUserID: id, login: row["login"]?.stringValue ?? "user \(id)", name: row["name"]?.stringValue ?? "user \(id)",
                              active: row["active"]?.boolValue ?? false, isAdministrator: rights.isAdministrator(holding: held),
                              grants: rights.grants(holding: held))
        }
    }
}
