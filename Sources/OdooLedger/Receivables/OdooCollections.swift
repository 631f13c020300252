public import Ledger
import Markup
public import OdooRPC

/// What collections reads from and writes to Odoo at the moment it acts: whether the invoices are still
/// open, how to reach the customer, and the reminder itself as a message to the customer. A message is found
/// again by its marker before it is posted, so a retry after a lost answer sends nothing twice.
public struct OdooCollections: Sendable {
    public let client: OdooClient
    public let chatter: OdooChatter

    public init(client: OdooClient) {
        self.client = client
        chatter = OdooChatter(client: client)
    }

    /// A customer's email and salesperson as Odoo has them now.
    public struct Contact: Sendable, Hashable {
        public var email: String?
        public var salespersonID: Int?
    }

    /// Each invoice's payment state (its state when not posted) and whether anything is still open, read now.
    public func invoiceStates(_ ids: [Int]) async throws -> [Int: (paymentState: String, isOpen: Bool)] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await client.read("account.move", ids: ids, fields: ["payment_state", "amount_residual_signed", "state"])
        var states: [Int: (String, Bool)] = [:]
        for row in rows {
            guard let id = row["id"]?.int else { continue }
            let state = row["state"]?.stringValue == "posted" ? row["payment_state"]?.stringValue ?? "not_paid" : row["state"]?.stringValue ?? "cancel"
            states[id] = (state, (row["amount_residual_signed"]?.numberValue?.mantissa ?? 0) != 0)
        }
        return states
    }

    public func contacts(_ customerIDs: [Int]) async throws -> [Int: Contact] {
        guard !customerIDs.isEmpty else { return [:] }
        let rows = try await client.read("res.partner", ids: customerIDs, fields: ["email", "user_id"])
        return Dictionary(rows.compactMap { row in
            row["id"]?.int.map { ($0, Contact(email: row["email"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }, salespersonID: row["user_id"]?.many2one?.id)) }
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The customer's chatter, where the collector's To-Do and the sent reminder go.
    public func customerThread(_ customer: RecordRef) async throws -> OdooChatter.Thread {
        guard let thread = try await chatter.thread(for: customer) else { throw OdooError.unknownModel("res.partner (no chatter)") }
        return thread
    }

    /// Sends `letter` to the customer as an email from the customer's chatter (Odoo's "Send message"),
    /// `marker` kept at its end; returns the message id, the earlier one when a previous attempt got through.
    public func send(_ letter: String, subject: String, marker: String, to customer: RecordRef) async throws -> Int {
        let thread = try await customerThread(customer)
        if let sent = try await chatter.message(containing: marker, on: thread) { return sent }
        let body = HTML(lines: letter + "\n\n" + marker)
        let value = try await client.execute("res.partner", "message_post", [RPCValue([customer.id])], [
            "body": .string(body.markup), "body_is_html": true, "subject": .string(subject), "message_type": "comment",
            "subtype_xmlid": "mail.mt_comment", "partner_ids": RPCValue([customer.id]),
        ], idempotent: false)
        guard let id = value.int ?? value.arrayValue?.first?.int else {
            throw OdooError.malformedResponse("expected the new message's id from res.partner.message_post")
        }
        return id
    }

    /// Marks Closer's To-Do done with a word on what happened; an activity already done or deleted is left alone.
    public func closeActivity(_ id: Int, feedback: String) async throws {
        let open = try await client.search("mail.activity", domain: [["id", "=", RPCValue(id)]], limit: 1)
        guard !open.isEmpty else { return }
        _ = try await client.execute("mail.activity", "action_feedback", [RPCValue([id])], ["feedback": .string(feedback)], idempotent: false)
    }
}
