import Foundation
import Ledger
import OdooRPC

/// Customers and their invoices in the scratch company.
extension LiveScratchCompany {
    func customer() async throws -> Int {
        try await create("res.partner", ["name": .string("\(Self.word(5).capitalized) \(Self.word(6).capitalized)"), "is_company": true])
    }

    /// A posted customer invoice of one line, due 30 days after its date (no payment term: the due date is the one given).
    func invoice(_ customer: Int, on date: LocalDate, amountCents: Int) async throws -> Int {
        let invoice = try await create("account.move", [
            "move_type": "out_invoice", "partner_id": RPCValue(customer), "company_id": RPCValue(id), "invoice_date": .string(date.description),
            "invoice_date_due": .string(date.adding(days: 30).description),
            "invoice_line_ids": [[0, 0, ["name": "Services", "quantity": 1, "price_unit": .double(WireNumber(minorUnits: Int64(amountCents), scale: 2)),
                                         "tax_ids": [[6, 0, []]]]]],
        ])
        try await post(invoice)
        return invoice
    }
}
