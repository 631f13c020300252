import Foundation
import OdooRPC

/// A small Odoo 18 company to write to: USD, a chart with receivable, payable, bank, suspense, expense
/// and accrual accounts, a bank and a miscellaneous journal, one customer, the admin user, the
/// chatter models and the To-Do activity type — plus posted invoices and bank statement lines on demand.
extension FakeOdoo {
    public struct Company: Sendable {
        public var id = 1
        public var currencyID = 1
        public var partnerID = 1
        public var customerID = 2
        public var receivable = 1
        public var payable = 2
        public var bank = 3
        public var suspense = 4
        public var expense = 5
        public var accrued = 6
        public var transfer = 7
        public var bankJournal = 1
        public var miscJournal = 2
    }

    /// Seeds the company; `company` names its records.
    public static func withCompany() -> (FakeOdoo, Company) {
        let odoo = FakeOdoo()
        let company = Company()
        odoo.lock.lock(); defer { odoo.lock.unlock() }
        odoo.declare(["account.move", "account.move.line", "account.bank.statement.line", "account.partial.reconcile", "account.full.reconcile",
                      "res.partner.bank", "account.tax",
                      "mail.message", "mail.activity"])
        odoo.store("res.currency", ["name": "USD", "decimal_places": 2])
        odoo.store("res.partner", ["name": "Fake Company"])
        odoo.store("res.partner", ["name": "Customer One"])
        odoo.store("res.company", ["name": "Fake Company", "currency_id": 1, "partner_id": 1, "transfer_account_id": 7])
        for (code, name, type, reconcile) in [("121000", "Receivable", "asset_receivable", true), ("211000", "Payable", "liability_payable", true),
                                             ("101401", "Bank", "asset_cash", false), ("101402", "Bank Suspense", "asset_current", false),
                                             ("600000", "Expenses", "expense", false), ("212000", "Accrued Expenses", "liability_current", false),
                                             ("101701", "Liquidity Transfer", "asset_current", true)] {
            odoo.store("account.account", ["code": .string(code), "name": .string(name), "account_type": .string(type),
                                           "reconcile": .bool(reconcile), "deprecated": false, "company_id": 1])
        }
        odoo.store("account.journal", ["name": "Bank", "code": "BNK1", "type": "bank", "default_account_id": 3, "suspense_account_id": 4, "company_id": 1])
        odoo.store("account.journal", ["name": "Miscellaneous Operations", "code": "MISC", "type": "general", "company_id": 1])
        odoo.store("res.users", ["name": "Administrator", "login": "__system__", "share": false, "active": false, "company_id": 1])
        odoo.store("res.users", ["name": "Mitchell Admin", "login": .string(adminLogin), "share": false, "company_id": 1])
        for (model, activities) in [("account.move", true), ("res.partner", true), ("res.company", false), ("account.move.line", false)] {
            odoo.store("ir.model", ["model": .string(model), "name": .string(model), "is_mail_thread": .bool(model != "res.company" && model != "account.move.line"),
                                    "is_mail_activity": .bool(activities)])
        }
        for module in ["base", "account", "mail"] { odoo.stampModule(module, version: "18.0.1.0") }
        let toDo = odoo.store("mail.activity.type", ["name": "To-Do", "res_model": false, "sequence": 1])
        odoo.store("ir.model.data", ["module": "mail", "name": "mail_activity_data_todo", "model": "mail.activity.type", "res_id": RPCValue(toDo)])
        return (odoo, company)
    }

    /// A posted customer invoice of `cents`; returns the entry and its receivable item.
    public func postedInvoice(_ company: Company, cents: Int, date: String) -> (move: Int, receivable: Int) {
        lock.lock(); defer { lock.unlock() }
        let move = store("account.move", ["move_type": "out_invoice", "state": "posted", "journal_id": RPCValue(company.miscJournal),
                                          "date": .string(date), "company_id": RPCValue(company.id), "partner_id": RPCValue(company.customerID),
                                          "create_uid": RPCValue(Self.adminUID)])
        tables["account.move"]?[move]?["name"] = .string("INV/\(move)")
        let receivable = item(move, company, account: company.receivable, cents: cents, date: date, partner: company.customerID)
        item(move, company, account: company.expense, cents: -cents, date: date, partner: company.customerID)
        return (move, receivable)
    }

    /// A posted bank statement line of `cents` received, its entry holding the bank item and the suspense item.
    public func statementLine(_ company: Company, cents: Int, date: String, label: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        let move = store("account.move", ["move_type": "entry", "state": "posted", "journal_id": RPCValue(company.bankJournal),
                                          "date": .string(date), "company_id": RPCValue(company.id), "create_uid": RPCValue(Self.adminUID)])
        tables["account.move"]?[move]?["name"] = .string("BNK/\(move)")
        let line = store("account.bank.statement.line", [
            "move_id": RPCValue(move), "date": .string(date), "journal_id": RPCValue(company.bankJournal), "company_id": RPCValue(company.id),
            "payment_ref": .string(label), "partner_id": RPCValue(company.customerID), "amount": RPCValue(cents),
            "currency_id": RPCValue(company.currencyID), "foreign_currency_id": false,
        ])
        tables["account.move"]?[move]?["statement_line_id"] = RPCValue(line)
        item(move, company, account: company.bank, cents: cents, date: date, partner: company.customerID, statementLine: line)
        item(move, company, account: company.suspense, cents: -cents, date: date, partner: company.customerID, statementLine: line)
        return line
    }

    /// A vendor of its own with a posted bill "INV-<n>" of `cents`, and the same bill keyed again as a draft
    /// with its reference reformatted ("inv <n>"): intake's duplicate pair. Returns both entries.
    public func vendorBillPair(_ company: Company, cents: Int, date: String) -> (original: Int, copy: Int) {
        lock.lock(); defer { lock.unlock() }
        let vendor = store("res.partner", ["name": .string("Vendor \(cents)")])
        func bill(_ reference: String, state: String) -> Int {
            let move = store("account.move", [
                "move_type": "in_invoice", "state": .string(state), "journal_id": RPCValue(company.miscJournal), "date": .string(date),
                "invoice_date": .string(date), "company_id": RPCValue(company.id), "partner_id": RPCValue(vendor),
                "commercial_partner_id": RPCValue(vendor), "ref": .string(reference), "currency_id": RPCValue(company.currencyID),
                "amount_total": RPCValue(cents), "amount_total_signed": RPCValue(-cents), "payment_state": "not_paid", "create_uid": RPCValue(Self.adminUID),
            ])
            tables["account.move"]?[move]?["name"] = state == "posted" ? .string("BILL/\(move)") : false
            store("account.move.line", ["move_id": RPCValue(move), "display_type": "product", "name": "Supplies", "quantity": 1,
                                        "price_unit": Self.money(cents), "discount": 0, "company_id": RPCValue(company.id)])
            return move
        }
        return (bill("INV-\(cents)", state: "posted"), bill("inv \(cents)", state: "draft"))
    }

    @discardableResult
    private func item(_ move: Int, _ company: Company, account: Int, cents: Int, date: String, partner: Int, statementLine: Int? = nil) -> Int {
        store("account.move.line", ["move_id": RPCValue(move), "account_id": RPCValue(account), "partner_id": RPCValue(partner),
                                    "company_id": RPCValue(company.id), "currency_id": RPCValue(company.currencyID), "balance": RPCValue(cents),
                                    "amount_currency": RPCValue(cents), "date": .string(date), "name": "item",
                                    "statement_line_id": statementLine.map { RPCValue($0) } ?? false])
    }
}
