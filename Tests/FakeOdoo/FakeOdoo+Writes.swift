import OdooRPC
import OdooSimulator

/// create, write and unlink with the rules of Odoo 18 that Closer's write paths meet.
extension FakeOdoo {
    func create(_ model: String, _ values: Record) throws -> Int {
        switch model {
        case "account.move": return try createMove(values)
        case "mail.activity":
            var activity = values
            let modelID = values["res_model_id"]?.int ?? 0
            guard let name = tables["ir.model"]?[modelID]?["model"] else { throw OdooServerFault.validation("mail.activity needs res_model_id") }
            activity["res_model"] = name
            activity["active"] = true
            return store(model, activity)
        default: return store(model, values)
        }
    }

    /// account.move.create: the entry with its items from `line_ids` (0, 0, values) commands, a draft
    /// with a sequence name, balanced (check_move_validity).
    private func createMove(_ values: Record) throws -> Int {
        var move = values
        move.removeValue(forKey: "line_ids")
        move["state"] = "draft"
        move["company_id"] = move["company_id"] ?? 1
        move["create_uid"] = RPCValue(Self.adminUID)
        let id = store("account.move", move)
        tables["account.move"]?[id]?["name"] = .string("MISC/\(id)")
        try applyLineCommands(values["line_ids"]?.arrayValue ?? [], move: id)
        try checkBalanced(id)
        return id
    }

    func write(_ model: String, _ ids: [Int], _ values: Record) throws {
        for id in ids where tables[model]?[id] == nil { throw OdooServerFault(exceptionName: "odoo.exceptions.MissingError", message: "Record does not exist or has been deleted. (Record: \(model)(\(id),))") }
        if model == "res.company" { try validateLocks(ids, values) }
        for id in ids {
            for (field, value) in values where field != "line_ids" { tables[model]?[id]?[field] = value }
        }
        if model == "account.move", let commands = values["line_ids"]?.arrayValue {
            for id in ids {
                try applyLineCommands(commands, move: id)
                try checkBalanced(id)
            }
        }
    }

    func unlink(_ model: String, _ ids: [Int]) throws {
        for id in ids {
            guard let record = tables[model]?[id] else { continue }
            if model == "account.move" {
                guard record["state"]?.stringValue == "draft" else {
                    throw OdooServerFault.user("You cannot delete an entry which has been posted once.")
                }
                for line in lines(ofMove: id) { tables["account.move.line"]?[line] = nil }
            }
            tables[model]?[id] = nil
        }
    }

    /// One2many commands: (0, 0, values) adds an item, (1, id, values) changes one, (2, id) deletes one.
    private func applyLineCommands(_ commands: [RPCValue], move: Int) throws {
        let header = tables["account.move"]?[move] ?? [:]
        let company = tables["res.company"]?[header["company_id"]?.int ?? 1] ?? [:]
        for command in commands {
            let parts = command.arrayValue ?? []
            guard let code = parts.first?.int else { throw OdooServerFault.validation("bad line command \(command)") }
            switch code {
            case 0:
                var line = try Self.values(parts.count > 2 ? parts[2] : [:])
                line["move_id"] = RPCValue(move)
                line["company_id"] = header["company_id"] ?? 1
                line["currency_id"] = line["currency_id"] ?? company["currency_id"] ?? false
                line["amount_currency"] = line["amount_currency"] ?? line["balance"] ?? 0
                line["date"] = header["date"] ?? false
                line["statement_line_id"] = header["statement_line_id"] ?? false
                line["partner_id"] = line["partner_id"] ?? false
                store("account.move.line", line)
            case 1:
                let id = parts.count > 1 ? parts[1].int ?? 0 : 0
                guard tables["account.move.line"]?[id]?["move_id"]?.int == move else { throw OdooServerFault.validation("item \(id) is not on entry \(move)") }
                for (field, value) in try Self.values(parts.count > 2 ? parts[2] : [:]) { tables["account.move.line"]?[id]?[field] = value }
            case 2:
                tables["account.move.line"]?[parts.count > 1 ? parts[1].int ?? 0 : 0] = nil
            default:
                throw OdooServerFault.validation("line command \(code) is not served by the fake")
            }
        }
    }

    private func checkBalanced(_ move: Int) throws {
        let total = lines(ofMove: move).reduce(0) { $0 + (tables["account.move.line"]?[$1]?["balance"]?.int ?? 0) }
        guard total == 0 else {
            throw OdooServerFault.user("The entry \(displayName("account.move", move)) is not balanced (difference \(total) cents).")
        }
    }

    /// res.company._validate_locks: a hard lock is never removed or moved back.
    private func validateLocks(_ ids: [Int], _ values: Record) throws {
        guard let hard = values["hard_lock_date"] else { return }
        for id in ids {
            guard let current = tables["res.company"]?[id]?["hard_lock_date"]?.stringValue else { continue }
            guard let new = hard.stringValue else { throw OdooServerFault.user("The Hard Lock Date cannot be removed.") }
            if new < current { throw OdooServerFault.user("A new Hard Lock Date must be posterior (or equal) to the previous one.") }
        }
    }

    func post(_ ids: [Int]) throws {
        for id in ids {
            guard tables["account.move"]?[id]?["state"]?.stringValue == "draft" else {
                throw OdooServerFault.user("The entry \(displayName("account.move", id)) (id \(id)) is already posted.")
            }
            tables["account.move"]?[id]?["state"] = "posted"
        }
    }

    /// mail.thread.message_post: an internal note on the record; returns the message id.
    func messagePost(_ model: String, _ ids: [Int], _ kwargs: RPCStruct) throws -> Int {
        guard ids.count == 1, tables[model]?[ids[0]] != nil else { throw OdooServerFault.validation("message_post needs one existing record") }
        return store("mail.message", ["model": .string(model), "res_id": RPCValue(ids[0]), "body": kwargs["body"] ?? "",
                                      "message_type": kwargs["message_type"] ?? "notification"])
    }
}
