import Ledger
import OdooRPC

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
        let tracking = OdooTracking(client: client)
        return TrackedDutyChanges(
            vendors: try await tracking.changes(on: "res.partner", ids: vendorIDs.sorted(), fieldsOf: "res.partner", named: nil),
            banks: try await tracking.changes(on: "res.partner.bank", ids: bankIDs, fieldsOf: "res.partner.bank", named: Self.bankFields + ["allow_out_payment"]),
            postings: try await tracking.changes(on: "account.move", ids: billIDs, fieldsOf: "account.move", named: ["state"])
                .filter { posted.contains($0.newText ?? "") })
    }
}
