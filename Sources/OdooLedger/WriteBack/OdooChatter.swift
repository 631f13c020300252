public import Ledger
public import OdooRPC

/// Notes and to-do activities on Odoo records' chatters (mail.thread, mail.activity.mixin). Both are
/// found again by a marker text, so a retry can see what an earlier, interrupted attempt left there.
public actor OdooChatter {
    /// The record whose chatter holds a note, and whether its model takes activities.
    public struct Thread: Sendable, Hashable, Codable {
        public var model: String
        public var id: Int
        public var takesActivities: Bool
    }

    private struct ModelInfo {
        var id: Int
        var isThread: Bool
        var takesActivities: Bool
    }

    /// Lines have no chatter of their own; their journal entry's chatter speaks for them.
    static let linesOfMoves: Set<String> = ["account.move.line", "account.bank.statement.line"]

    let client: OdooClient
    private var models: [String: ModelInfo] = [:]
    private var toDoTypeID: Int?
    private var connectedUserID: Int?

    public init(client: OdooClient) {
        self.client = client
    }

    /// Where a note about `record` goes; nil when Odoo gives that model no chatter.
    public func thread(for record: RecordRef) async throws -> Thread? {
        var model = record.model, id = record.id
        if Self.linesOfMoves.contains(model) {
            let rows = try await client.read(model, ids: [id], fields: ["move_id"])
            guard let move = rows.first?["move_id"]?.many2one else {
                throw OdooError.missingRecord("\(model) \(id) (\(record.name)) or its journal entry is gone.")
            }
            (model, id) = ("account.move", move.id)
        }
        let info = try await modelInfo(model)
        return info.isThread ? Thread(model: model, id: id, takesActivities: info.takesActivities) : nil
    }

    /// The first message posted on the thread (a note or an email: Closer posts comments) whose body contains `marker`.
    /// Odoo's own notices are left out: the one for a To-Do marked done quotes the To-Do's note, marker and all, and
    /// must not pass for the message Closer has yet to post.
    public func message(containing marker: String, on thread: Thread) async throws -> Int? {
        try await client.search("mail.message", domain: [
            ["model", "=", .string(thread.model)], ["res_id", "=", RPCValue(thread.id)], ["message_type", "=", "comment"],
            ["body", "ilike", .string(marker)],
        ], limit: 1, order: "id").first
    }

    /// Every message on the thread whose body contains `marker`, oldest first: its id, when Odoo recorded it
    /// (UTC, "2026-12-01 18:00:00"), and its body as Odoo keeps it (HTML).
    public func messages(containing marker: String, on thread: Thread) async throws -> [(id: Int, date: String, body: String)] {
        try await client.searchRead("mail.message", domain: [
            ["model", "=", .string(thread.model)], ["res_id", "=", RPCValue(thread.id)], ["body", "ilike", .string(marker)],
        ], fields: ["date", "body"], order: "id").compactMap { row in
            row["id"]?.int.map { ($0, row["date"]?.stringValue ?? "", row["body"]?.stringValue ?? "") }
        }
    }

    /// Posts `body` as an internal note (plain text, which Odoo escapes) and returns the message id.
    public func postNote(_ body: String, on thread: Thread) async throws -> Int {
        let value = try await client.execute(thread.model, "message_post", [RPCValue([thread.id])], [
            "body": .string(body), "message_type": "comment", "subtype_xmlid": "mail.mt_note",
        ], idempotent: false)
        guard let id = value.int ?? value.arrayValue?.first?.int else {
            throw OdooError.malformedResponse("expected the new message's id from \(thread.model).message_post")
        }
        return id
    }

    /// The first activity on the record whose note contains `marker`, done ones included (types that
    /// keep done activities archive them instead of deleting them).
    public func activity(containing marker: String, on thread: Thread) async throws -> Int? {
        try await client.search("mail.activity", domain: [
            ["res_model", "=", .string(thread.model)], ["res_id", "=", RPCValue(thread.id)], ["note", "ilike", .string(marker)],
            ["active", "in", [true, false]],
        ], limit: 1, order: "id").first
    }

    /// Schedules a To-Do on the record for `assignee` (default: the record's responsible user), due on
    /// `deadline`; returns the activity id.
    public func scheduleToDo(on thread: Thread, summary: String, note: String, deadline: LocalDate, assignee: Int? = nil) async throws -> Int {
        let user = if let assignee { assignee } else { try await responsibleUser(of: thread) }
        let values: RPCStruct = [
            "res_model_id": RPCValue(try await modelInfo(thread.model).id), "res_id": RPCValue(thread.id),
            "activity_type_id": RPCValue(try await toDoType()), "user_id": RPCValue(user),
            "summary": .string(summary), "note": .string(note), "date_deadline": .string(deadline.description),
        ]
        guard let id = try await client.create("mail.activity", [values]).first else {
            throw OdooError.malformedResponse("expected the new activity's id from mail.activity.create")
        }
        return id
    }

    /// The active internal user with this login, if any.
    public func internalUser(login: String) async throws -> Int? {
        try await client.search("res.users", domain: [["login", "=", .string(login)], ["share", "=", false]], limit: 1).first
    }

    /// The chatter of a company's own partner record, where company-wide to-dos (a close task) go.
    public func companyThread(companyID: Int) async throws -> Thread? {
        guard let partner = try await client.read("res.company", ids: [companyID], fields: ["partner_id"]).first?["partner_id"]?.many2one else {
            throw OdooError.missingRecord("res.company \(companyID) or its partner is gone.")
        }
        return try await thread(for: RecordRef(model: "res.partner", id: partner.id, name: partner.name))
    }

    /// An entry's salesperson when set, else whoever created the record, else the connected user: the first
    /// of them that is an active internal user (a to-do for OdooBot or a portal user helps nobody).
    func responsibleUser(of thread: Thread) async throws -> Int {
        let fields = thread.model == "account.move" ? ["invoice_user_id", "create_uid"] : ["create_uid"]
        let record = try await client.read(thread.model, ids: [thread.id], fields: fields).first ?? [:]
        let candidates = fields.compactMap { record[$0]?.many2one?.id }
        if !candidates.isEmpty {
            let internalUsers = Set(try await client.search("res.users", domain: [["id", "in", RPCValue(candidates)], ["share", "=", false]]))
            if let user = candidates.first(where: internalUsers.contains) { return user }
        }
        if let connectedUserID { return connectedUserID }
        let uid = try await client.authenticate()
        connectedUserID = uid
        return uid
    }

    /// Odoo's To-Do activity type, by its external id, else the first type open to every model.
    func toDoType() async throws -> Int {
        if let toDoTypeID { return toDoTypeID }
        let data = try await client.searchRead("ir.model.data", domain: [["module", "=", "mail"], ["name", "=", "mail_activity_data_todo"]],
                                               fields: ["res_id"], limit: 1)
        let found: Int?
        if let id = data.first?["res_id"]?.int { found = id } else {
            found = try await client.search("mail.activity.type", domain: [["res_model", "=", false]], limit: 1, order: "sequence").first
        }
        guard let found else { throw OdooError.missingRecord("Odoo has no To-Do activity type (mail.mail_activity_data_todo).") }
        toDoTypeID = found
        return found
    }

    private func modelInfo(_ model: String) async throws -> ModelInfo {
        if let known = models[model] { return known }
        let rows = try await client.searchRead("ir.model", domain: [["model", "=", .string(model)]],
                                               fields: ["is_mail_thread", "is_mail_activity"], limit: 1)
        guard let row = rows.first, let id = row["id"]?.int else { throw OdooError.unknownModel(model) }
        let info = ModelInfo(id: id, isThread: row["is_mail_thread"]?.boolValue == true,
                             takesActivities: row["is_mail_activity"]?.boolValue == true)
        models[model] = info
        return info
    }
}
