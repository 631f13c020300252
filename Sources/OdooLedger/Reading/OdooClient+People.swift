public import OdooRPC

extension OdooClient {
    /// Each partner's commercial partner (itself when it is one): the company that invoices, is billed and is paid.
    func commercialPartners(of ids: Set<Int>) async throws -> [Int: Int] {
        guard !ids.isEmpty else { return [:] }
        var commercial: [Int: Int] = [:]
        for row in try await read("res.partner", ids: ids.sorted(), fields: ["commercial_partner_id"]) {
            if let id = row["id"]?.int { commercial[id] = row["commercial_partner_id"]?.many2one?.id ?? id }
        }
        return commercial
    }

    /// The logins of these Odoo users, by id (the people Odoo's authorship fields name).
    public func logins(_ userIDs: Set<Int>) async throws -> [Int: String] {
        guard !userIDs.isEmpty else { return [:] }
        var logins: [Int: String] = [:]
        for user in try await read("res.users", ids: userIDs.sorted(), fields: ["login"]) {
            if let id = user["id"]?.int, let login = user["login"]?.stringValue { logins[id] = login }
        }
        return logins
    }
}
