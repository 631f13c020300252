import Foundation
public import Ledger
public import OdooRPC

/// Pays vendor bills in Odoo the way a user does: through Odoo's own payment wizard (`account.payment.register`)
/// on one bill, which creates the payment, posts it and reconciles it with the bill (taking an early-payment
/// discount when the date earns it). Before paying, the wizard's own amount is compared with the approved one.
public struct OdooPaymentWriter: Sendable {
    let client: OdooClient

    public init(client: OdooClient) {
        self.client = client
    }

    /// A payment Odoo holds for the bill, created at or after `since` and not cancelled: what an earlier attempt
    /// whose answer was lost left behind.
    public func payment(forBill billID: Int, createdSince since: Timestamp) async throws -> (id: Int, name: String)? {
        guard let bill = try await client.read("account.move", ids: [billID], fields: ["matched_payment_ids"]).first else {
            throw OdooPaymentError.billGone(billID)
        }
        let ids = OdooRecord(model: "account.move", values: bill).ids("matched_payment_ids")
        guard !ids.isEmpty else { return nil }
        let payments = try await client.read("account.payment", ids: ids, fields: ["name", "state", "create_date"]).map { OdooRecord(model: "account.payment", values: $0) }
        for payment in payments.sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) {
            guard let id = payment.id, !["canceled", "rejected"].contains(payment.optionalString("state") ?? ""),
                  let created = try? payment.timestamp("create_date"), created >= since else { continue }
            return (id, payment.optionalString("name") ?? "payment \(id)")
        }
        return nil
    }

    /// Registers the bill's payment of `amount` on `date` from `journalID` to the vendor's account `bankAccountID`.
    /// Refused, with nothing created, when Odoo would pay a different amount (the bill changed since the run was approved).
    public func pay(billID: Int, billName: String, amount: Money, date: LocalDate, journalID: Int, bankAccountID: Int) async throws -> (id: Int, name: String) {
        let context: RPCValue = ["active_model": "account.move", "active_ids": RPCValue([billID])]
        let created = try await client.execute("account.payment.register", "create", [[
            "payment_date": .string(date.description), "journal_id": RPCValue(journalID), "partner_bank_id": RPCValue(bankAccountID),
        ]], ["context": context], idempotent: false)
        guard let wizardID = created.int ?? created.arrayValue?.first?.int else {
            throw OdooPaymentError.unexpected(billName, "the payment wizard answered without an id")
        }
        guard let wizard = try await client.read("account.payment.register", ids: [wizardID], fields: ["amount"]).first else {
            throw OdooPaymentError.unexpected(billName, "the payment wizard could not be read back")
        }
        let wizardAmount = try OdooRecord(model: "account.payment.register", values: wizard)
            .money("amount", in: Currency(id: 0, code: amount.currency, decimalPlaces: amount.scale))
        guard wizardAmount == amount else { throw OdooPaymentError.amountChanged(billName, approved: amount, odoo: wizardAmount) }
        let action = try await client.execute("account.payment.register", "action_create_payments", [RPCValue([wizardID])], ["context": context],
                                              idempotent: false)
        guard let paymentID = action.structValue?["res_id"]?.int else {
            throw OdooPaymentError.unexpected(billName, "Odoo did not name the payment it created")
        }
        let name = try await client.read("account.payment", ids: [paymentID], fields: ["name"]).first
            .flatMap { OdooRecord(model: "account.payment", values: $0).optionalString("name") }
        return (paymentID, name ?? "payment \(paymentID)")
    }
}

/// Why Odoo did not pay a bill, in words that say what to do.
public enum OdooPaymentError: Error, Equatable, CustomStringConvertible {
    case billGone(Int)
    case amountChanged(String, approved: Money, odoo: Money)
    case unexpected(String, String)

    public var description: String {
        switch self {
        case .billGone(let id): "Bill \(id) is no longer in Odoo: reject the run and propose a new one."
        case .amountChanged(let bill, let approved, let odoo):
            "Odoo would pay \(odoo) on \(bill), not the approved \(approved): the bill changed since the run was approved. "
                + "Nothing was paid for it; reject the run and propose a new one."
        case .unexpected(let bill, let what): "Paying \(bill): \(what). Check the bill in Odoo before approving again."
        }
    }
}
