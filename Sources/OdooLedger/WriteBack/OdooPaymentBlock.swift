public import OdooRPC

/// Odoo's own payment block on a bill: `account.move.payment_state = 'blocked'` (Odoo 18's "(Un)Block
/// Payment" action sets the same value). Odoo shows "Blocked" as the bill's payment status in every list
/// and form, keeps it through posting, and replaces it with paid or partial once a payment is reconciled
/// anyway — which is how Closer sees a payment made past the block. Set with `write`: the action itself
/// returns nothing, which XML-RPC cannot answer, though Odoo has already done it.
public struct OdooPaymentBlock: Sendable {
    /// Payment states a payment was registered in (Odoo 18: in_payment while the bank has not matched it).
    public static let paymentRegistered: Set<String> = ["paid", "in_payment", "partial"]

    let client: OdooClient

    public init(client: OdooClient) { self.client = client }

    /// Each bill's payment state as Odoo holds it now; a bill Odoo no longer has is absent.
    public func paymentStates(of billIDs: [Int]) async throws -> [Int: String] {
        guard !billIDs.isEmpty else { return [:] }
        var states: [Int: String] = [:]
        for row in try await client.read("account.move", ids: billIDs, fields: ["payment_state"]) {
            let record = OdooRecord(model: "account.move", values: row)
            if let id = record.id, let state = record.optionalString("payment_state") { states[id] = state }
        }
        return states
    }

    /// Blocks the bill's payment unless it is blocked already or paid (Odoo refuses to block a paid bill);
    /// reading first makes a retry after a lost answer write nothing twice. Returns the state it found.
    @discardableResult
    public func block(billID: Int) async throws -> String? {
        let state = try await paymentStates(of: [billID])[billID]
        guard let state, state != "blocked", !Self.paymentRegistered.contains(state) else { return state }
        try await setBlocked(billID: billID)
        return state
    }

    /// Writes the block without reading first: for a caller that has just read the state itself.
    public func setBlocked(billID: Int) async throws {
        try await client.write("account.move", ids: [billID], ["payment_state": "blocked"])
    }

    /// Lifts the block (Odoo recomputes the state from the payments at their next change); a bill not
    /// blocked is left alone. Returns the state it found.
    @discardableResult
    public func unblock(billID: Int) async throws -> String? {
        let state = try await paymentStates(of: [billID])[billID]
        guard state == "blocked" else { return state }
        try await client.write("account.move", ids: [billID], ["payment_state": "not_paid"])
        return state
    }
}
