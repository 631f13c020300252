import Foundation
import OdooRPC

/// What a payment run and the duties review read, on top of the company: vendors with bank accounts (who created
/// each, when, trusted or not), posted vendor bills with their open payable item, vendor payments, other Odoo users
/// (no groups or access rights unless a test adds them), and money on the bank journal. Fields
/// a reader asks for are stored on the records, as Odoo's fields_get lists them.
extension FakeOdoo {
    /// An internal Odoo user of the company; returns its id.
    public func user(login: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        return store("res.users", ["name": .string(login.capitalized), "login": .string(login), "share": false, "company_id": 1])
    }

    /// A vendor with one bank account created by `createdBy` at `createdAt` ("YYYY-MM-DD HH:MM:SS"); returns both ids.
    public func vendor(_ name: String, iban: String, trusted: Bool, createdBy: Int, createdAt: String) -> (partner: Int, account: Int) {
        lock.lock(); defer { lock.unlock() }
        declare(["account.payment", "res.bank", "mail.tracking.value", "ir.model.access", "res.groups"])
        let partner = store("res.partner", ["name": .string(name), "create_uid": RPCValue(createdBy)])
        let account = store("res.partner.bank", [
            "partner_id": RPCValue(partner), "acc_number": .string(iban), "sanitized_acc_number": .string(iban.filter { !$0.isWhitespace }.uppercased()),
            "acc_holder_name": .string(name), "allow_out_payment": .bool(trusted), "currency_id": false, "bank_id": false,
            "create_uid": RPCValue(createdBy), "create_date": .string(createdAt), "write_uid": RPCValue(createdBy), "write_date": .string(createdAt),
        ])
        return (partner, account)
    }

    /// A posted vendor bill of `cents` from `vendor`, due on `due`, with its open payable item; returns the bill.
    public func payableBill(_ company: Company, vendor: Int, cents: Int, date: String, due: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        let move = store("account.move", [
            "move_type": "in_invoice", "state": "posted", "journal_id": RPCValue(company.miscJournal), "date": .string(date), "invoice_date": .string(date),
            "company_id": RPCValue(company.id), "partner_id": RPCValue(vendor), "commercial_partner_id": RPCValue(vendor), "ref": .string("INV-\(cents)"),
            "currency_id": RPCValue(company.currencyID), "amount_total": RPCValue(cents), "payment_state": "not_paid", "create_uid": RPCValue(Self.adminUID),
        ])
        tables["account.move"]?[move]?["name"] = .string("BILL/\(move)")
        for (account, balance, maturity) in [(company.payable, -cents, RPCValue.string(due)), (company.expense, cents, RPCValue.bool(false))] {
            store("account.move.line", [
                "move_id": RPCValue(move), "account_id": RPCValue(account), "partner_id": RPCValue(vendor), "company_id": RPCValue(company.id),
                "currency_id": RPCValue(company.currencyID), "balance": RPCValue(balance), "amount_currency": RPCValue(balance), "date": .string(date),
                "name": "item", "statement_line_id": false, "date_maturity": maturity, "discount_date": false, "discount_amount_currency": 0,
                "amount_residual_currency": 0,   // computed when read; stored so fields_get lists it
            ])
        }
        return move
    }

    /// A posted outgoing payment of `cents` to `vendor`, made by `user` on `date`; returns it.
    public func vendorPayment(_ company: Company, vendor: Int, cents: Int, by user: Int, date: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        let payment = store("account.payment", [
            "partner_id": RPCValue(vendor), "amount": RPCValue(cents), "currency_id": RPCValue(company.currencyID), "date": .string(date),
            "payment_type": "outbound", "partner_type": "supplier", "state": "paid", "company_id": RPCValue(company.id), "journal_id": RPCValue(company.bankJournal),
            "create_uid": RPCValue(user), "create_date": .string("\(date) 10:00:00"),
        ])
        tables["account.payment"]?[payment]?["name"] = .string("PAY/\(payment)")
        return payment
    }

    /// Odoo's read_group as the readers call it: one many2one to group by, sums of amounts (`field:sum`).
    func readGroup(_ model: String, domain: [RPCValue], fields: [String], groupBy: String) -> RPCValue {
        let groups = Dictionary(grouping: search(model, domain, limit: nil, order: nil)) { tables[model]?[$0]?[groupBy]?.int ?? 0 }
        return .array(groups.sorted { $0.key < $1.key }.map { key, ids in
            var row: RPCStruct = ["__count": RPCValue(ids.count), groupBy: key == 0 ? false : value(model, ids[0], groupBy)]
            for field in fields where field.hasSuffix(":sum") {
                let name = String(field.dropLast(4))
                row[name] = Self.money(ids.reduce(0) { $0 + (tables[model]?[$1]?[name]?.int ?? 0) })
            }
            return .structure(row)
        })
    }
}
