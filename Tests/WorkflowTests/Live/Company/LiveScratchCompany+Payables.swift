import Foundation
import Ledger
import OdooRPC
import Testing

/// Vendors, their bank accounts, bills and payments in the scratch company.
extension LiveScratchCompany {
    /// A vendor (a company partner) with a random name.
    func vendor() async throws -> Int {
        try await create("res.partner", ["name": .string("\(Self.word(6).capitalized) \(Self.word(5).capitalized) BV"), "is_company": true])
    }

    /// A vendor with one bank account, trusted for outgoing payments unless told otherwise.
    func vendor(iban: String, trusted: Bool = true) async throws -> (partner: Int, account: Int) {
        let partner = try await vendor()
        return (partner, try await bankAccount(partner, iban: iban, trusted: trusted))
    }

    func bankAccount(_ partner: Int, iban: String, trusted: Bool = true) async throws -> Int {
        try await create("res.partner.bank", ["partner_id": RPCValue(partner), "acc_number": .string(iban), "allow_out_payment": .bool(trusted)])
    }

    /// A valid IBAN never seen before: the country's length in random digits (a bank code of letters where the country has
    /// one), with its mod-97 check digits.
    static func iban(_ country: String, bank: String = "") -> String {
        let lengths = ["DE": 22, "NL": 18, "BE": 16, "FR": 27]
        let bban = bank + String((0..<(lengths[country, default: 22] - 4 - bank.count)).map { _ in "0123456789".randomElement()! })
        let digits = (bban + country + "00").map { $0.isLetter ? String($0.asciiValue! - 55) : String($0) }.joined()
        let remainder = digits.reduce(0) { ($0 * 10 + Int(String($1))!) % 97 }
        let check = 98 - remainder
        return country + (check < 10 ? "0" : "") + String(check) + bban
    }

    /// A vendor bill of one untaxed line, due on `due` (dated 30 days before), posted unless told otherwise.
    func bill(_ vendor: Int, cents: Int, due: LocalDate = .todayUTC().adding(days: 30), post: Bool = true) async throws -> Int {
        let bill = try await create("account.move", [
            "move_type": "in_invoice", "partner_id": RPCValue(vendor), "company_id": RPCValue(id), "ref": .string("INV-\(Self.word(4).uppercased())"),
            "invoice_date": .string(due.adding(days: -30).description), "invoice_date_due": .string(due.description),
            "invoice_line_ids": [[0, 0, ["name": "Services", "quantity": 1, "price_unit": .double(WireNumber(minorUnits: Int64(cents), scale: 2)),
                                         "tax_ids": [[6, 0, []]]]]],
        ])
        if post { try await self.post(bill) }
        return bill
    }

    func post(_ move: Int) async throws {
        try await call("account.move", "action_post", [move])
    }

    /// Pays the invoice or bill in full on `date` through `account.payment.register`, as a user would.
    func registerPayment(_ move: Int, on date: LocalDate = .todayUTC()) async throws {
        let active: RPCStruct = ["active_model": "account.move", "active_ids": RPCValue([move])]
        let wizard = try await create("account.payment.register", ["payment_date": .string(date.description)], context: active)
        _ = try await client.execute("account.payment.register", "action_create_payments", [RPCValue([wizard])], ["context": .structure(context(active))],
                                     idempotent: false)
    }

    /// A posted outbound payment to `vendor` on `date` that pays no bill (a transfer made by hand, outside any run).
    func loosePayment(_ vendor: Int, cents: Int, on date: LocalDate) async throws -> Int {
        let payment = try await create("account.payment", ["payment_type": "outbound", "partner_type": "supplier", "partner_id": RPCValue(vendor),
                                                           "amount": .double(WireNumber(minorUnits: Int64(cents), scale: 2)), "date": .string(date.description)])
        try await call("account.payment", "action_post", [payment])
        return payment
    }

    /// Puts money on the company's bank journal (a posted entry debiting its bank account) and gives the journal an IBAN.
    func fundBank(cents: Int) async throws {
        let bank = try #require(try await client.searchRead("account.journal", domain: [["company_id", "=", RPCValue(id)], ["type", "=", "bank"]],
                                                            fields: ["default_account_id"]).first)
        let bankAccount = try #require(bank["default_account_id"]?.many2one?.id)
        let equity = try #require(try await client.search("account.account", domain: [["company_ids", "in", RPCValue([id])], ["account_type", "=", "equity"]]).first)
        let amount = RPCValue.double(WireNumber(minorUnits: Int64(cents), scale: 2))
        let entry = try await create("account.move", ["move_type": "entry", "company_id": RPCValue(id), "line_ids": [
            [0, 0, ["name": "Capital", "account_id": RPCValue(bankAccount), "debit": amount]],
            [0, 0, ["name": "Capital", "account_id": RPCValue(equity), "credit": amount]],
        ]])
        try await post(entry)
        let companyPartner = try #require(try await client.read("res.company", ids: [id], fields: ["partner_id"]).first?["partner_id"]?.many2one?.id)
        let own = try await create("res.partner.bank", ["partner_id": RPCValue(companyPartner), "acc_number": .string(Self.iban("BE"))])
        try await client.write("account.journal", ids: [try #require(bank["id"]?.int)], ["bank_account_id": RPCValue(own)])
    }
}
