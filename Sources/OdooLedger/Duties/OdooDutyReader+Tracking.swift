import Ledger
import OdooRPC

/// One tracked change of one field of one record: who (the message's creator, the user whose write it logged), when.
struct TrackedChange {
    var recordID: Int
    var field: String
    var userID: Int
    var at: Timestamp?
    var newInteger: Int?
}

/// The tracked changes the duties read: the vendors' own fields, their bank accounts' fields, the bills' postings.
struct TrackedDutyChanges {
    var vendors: [TrackedChange]
    var banks: [TrackedChange]
    var postings: [TrackedChange]
}

extension OdooDutyReader {
    /// Throws where the login may not read tracking values (Odoo grants them to administrators only).
    func trackedChanges(vendorIDs: Set<Int>, bankIDs: [Int], billIDs: [Int]) async throws -> TrackedDutyChanges {
        let answer = try await client.execute("account.move", "fields_get", [["state"]], ["attributes": ["selection"]], idempotent: true)
        // Odoo tracks a selection by its label, in the writer's language: the label of `posted` this database gives, and the key.
        var posted: Set<String> = ["posted"]
        for option in answer["state"]?["selection"]?.arrayValue ?? [] {
            if let pair = option.arrayValue, pair.first?.stringValue == "posted", let label = pair.last?.stringValue { posted.insert(label) }
        }
        return TrackedDutyChanges(
            vendors: try await changes(on: "res.partner", ids: vendorIDs.sorted(), fieldsOf: "res.partner", named: nil),
            banks: try await changes(on: "res.partner.bank", ids: bankIDs, fieldsOf: "res.partner.bank", named: Self.bankFields + ["allow_out_payment"]),
            postings: try await trackedValues(on: "account.move", ids: billIDs, fieldsOf: "account.move", named: ["state"]).filter { posted.contains($0.newText ?? "") }
                .map(\.change))
    }

    /// The tracked changes logged on `model`'s records `ids`, of the fields of `fieldModel` (Odoo also logs a bank
    /// account's changes on its partner), optionally only those `named`.
    private func changes(on model: String, ids: [Int], fieldsOf fieldModel: String, named: [String]?) async throws -> [TrackedChange] {
        try await trackedValues(on: model, ids: ids, fieldsOf: fieldModel, named: named).map(\.change)
    }

    /// The same, each with the new value as text (a selection's label).
    private func trackedValues(on model: String, ids: [Int], fieldsOf fieldModel: String, named: [String]?) async throws -> [(change: TrackedChange, newText: String?)] {
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
        let values = try await client.searchRead("mail.tracking.value", domain: domain, fields: ["mail_message_id", "field_id", "new_value_integer", "new_value_char"])
        let fieldIDs = Set(values.compactMap { $0["field_id"]?.many2one?.id })
        let fieldNames = fieldIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await client.read("ir.model.fields", ids: fieldIDs.sorted(), fields: ["name"])
            .compactMap { row in row["id"]?.int.flatMap { id in row["name"]?.stringValue.map { (id, $0) } } })
        return values.compactMap { value in
            // Odoo names a tracking message `false`, so its many2one is read by id alone.
            guard let messageID = value["mail_message_id"]?.arrayValue?.first?.int, let message = byMessage[messageID],
                  let field = value["field_id"]?.many2one.flatMap({ fieldNames[$0.id] }) else { return nil }
            return (TrackedChange(recordID: message.record, field: field, userID: message.user, at: message.at, newInteger: value["new_value_integer"]?.int),
                    value["new_value_char"]?.stringValue)
        }
    }
}
