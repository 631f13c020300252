public import OdooRPC

/// A user's membership of an Odoo security group (by its external id), under whichever field the version
/// has: Odoo 19 renamed res.users' `groups_id` to `group_ids`.
public struct OdooUserGroups: Sendable {
    let client: OdooClient

    public init(client: OdooClient) { self.client = client }

    /// The group's id, or nil when its module is not installed.
    public func group(module: String, name: String) async throws -> Int? {
        let rows = try await client.searchRead("ir.model.data", domain: [["module", "=", .string(module)], ["name", "=", .string(name)]],
                                               fields: ["res_id"])
        return rows.first?["res_id"]?.int
    }

    public func isMember(uid: Int, of group: Int) async throws -> Bool {
        let field = try await groupsField()
        return !(try await client.search("res.users", domain: [["id", "=", RPCValue(uid)], [.string(field), "in", RPCValue([group])]])).isEmpty
    }

    /// Adds the user to the group (what ticking it on the user's form does); already a member is fine.
    public func join(uid: Int, group: Int) async throws {
        let field = try await groupsField()
        try await client.write("res.users", ids: [uid], [field: [[4, RPCValue(group)]]])
    }

    func groupsField() async throws -> String {
        try await client.fieldsGet("res.users", attributes: ["type"])["group_ids"] != nil ? "group_ids" : "groups_id"
    }
}
