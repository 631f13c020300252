import Foundation
import Ledger
import OdooRPC
import Testing

/// Accounts, journals, bills and journal entries of the scratch company, by what they are rather than by code: the
/// chart is Odoo's generic one, and nothing here assumes its numbers.
extension LiveScratchCompany {
    /// The first of the company's accounts of an Odoo account type ("expense", "income", "liability_payable", …).
    func account(type: String) async throws -> Int {
        let found = try await client.search("account.account", domain: [["company_ids", "in", RPCValue([id])], ["account_type", "=", .string(type)]])
        return try #require(found.min(), "no \(type) account")
    }

    /// The first of the company's journals of a type ("general", "bank", "cash", "purchase", "sale").
    func journal(type: String) async throws -> Int {
        let found = try await client.search("account.journal", domain: [["company_id", "=", RPCValue(id)], ["type", "=", .string(type)]])
        return try #require(found.min(), "no \(type) journal")
    }

    /// One line of an entry: positive cents debit the account, negative ones credit it.
    struct EntryLine {
        var account: Int
        var cents: Int
        var partner: Int? = nil
        var label = "Entry"
    }

    /// A journal entry dated `date` in `journal`, posted unless told otherwise.
    func entry(_ journal: Int, on date: LocalDate, _ lines: [EntryLine], ref: String = "Entry", post: Bool = true) async throws -> Int {
        let rows: [RPCValue] = lines.map { line in
            let amount = RPCValue.double(WireNumber(minorUnits: Int64(abs(line.cents)), scale: 2))
            var values: RPCStruct = ["name": .string(line.label), "account_id": RPCValue(line.account), line.cents >= 0 ? "debit" : "credit": amount]
            if let partner = line.partner { values["partner_id"] = RPCValue(partner) }
            return [0, 0, .structure(values)]
        }
        let move = try await create("account.move", ["move_type": "entry", "company_id": RPCValue(id), "journal_id": RPCValue(journal),
                                                     "date": .string(date.description), "ref": .string(ref), "line_ids": .array(rows)])
        if post { try await self.post(move) }
        return move
    }

    /// A posted vendor bill dated `date` of untaxed lines on `account`, each a label and an amount in cents.
    func bill(_ vendor: Int, on date: LocalDate, account: Int, lines: [(label: String, cents: Int)]) async throws -> Int {
        let rows: [RPCValue] = lines.map { line in
            [0, 0, ["name": .string(line.label), "quantity": 1, "account_id": RPCValue(account),
                    "price_unit": .double(WireNumber(minorUnits: Int64(line.cents), scale: 2)), "tax_ids": [[6, 0, []]]]]
        }
        let bill = try await create("account.move", [
            "move_type": "in_invoice", "partner_id": RPCValue(vendor), "company_id": RPCValue(id), "ref": .string("INV-\(Self.word(5).uppercased())"),
            "invoice_date": .string(date.description), "date": .string(date.description), "invoice_line_ids": .array(rows),
        ])
        try await post(bill)
        return bill
    }
}
