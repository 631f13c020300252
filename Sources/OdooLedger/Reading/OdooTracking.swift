import Ledger
import OdooRPC

/// One tracked change of one field of one record: who (the message's creator, the user whose write it logged), when,
/// and the values before and after (a selection by its label, a many2one by its name, a boolean as 0 or 1).
struct TrackedChange {
    var recordID: Int
    var field: String
    var userID: Int
    var at: Timestamp?
    var oldText: String?
    var newText: String?
    var newInteger: Int?
}

/// Odoo's tracking (`mail.tracking.value` on the records' chatter messages), read for any model. Only
/// base.group_system may read tracking values: for anyone else the read throws Odoo's access error.
struct OdooTracking {
    let client: OdooClient

    /// The tracked changes logged on `model`'s records `ids`, of the fields of `fieldModel` (Odoo also logs a bank
    /// account's changes on its partner), optionally only those `named`.
    func changes(on model: String, ids: [Int], fieldsOf fieldModel: String, named: [String]?) async throws -> [TrackedChange] {
        guard !ids.isEmpty else { return [] }
        let messages = try await client.searchRead("mail.message", domain: [["model", "=", .string(model)], ["res_id", "in", RPCValue(ids)],
                                                                            ["tracking_value_ids", "!=", false]], fields: ["res_id", "create_uid", "date"])
        var byMessage: [Int: (record: Int, user: Int, at: Timestamp?)] = [:]
        for message in messages {
            guard let id = message["id"]?.int, let record = message["res_id"]?.int, let user = message["create_uid"]?.many2one?.id else { continue }
            byMessage[id] = (record, user, message["date"]?.stringValue.flatMap { Timestamp(odoo: $0) })
        }
        guard !byMessage.isEmpty else { return [] }
        var domain: [RPCValue] = [["mail_message_id", "in", RPCValue(byMessage.keys.sorted())], ["field_id.model", "=", .string(fieldModel)]]
        if let named { domain.append(["field_id.name", "in", RPCValue(named)]) }
        let values = try await client.searchRead("mail.tracking.value", domain: domain,
                                                 fields: ["mail_message_id", "field_id", "new_value_integer", "old_value_char", "new_value_char"])
        let fieldIDs = Set(values.compactMap { $0["field_id"]?.many2one?.id })
        let fieldNames = fieldIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await client.read("ir.model.fields", ids: fieldIDs.sorted(), fields: ["name"])
            .compactMap { row in row["id"]?.int.flatMap { id in row["name"]?.stringValue.map { (id, $0) } } })
        return values.compactMap { value in
            // Odoo names a tracking message `false`, so its many2one is read by id alone.
            guard let messageID = value["mail_message_id"]?.arrayValue?.first?.int, let message = byMessage[messageID],
                  let field = value["field_id"]?.many2one.flatMap({ fieldNames[$0.id] }) else { return nil }
            return TrackedChange(recordID: message.record, field: field, userID: message.user, at: message.at,
                                 oldText: value["old_value_char"]?.stringValue, newText: value["new_value_char"]?.stringValue,
                                 newInteger: value["new_value_integer"]?.int)
        }
    }
}
