import OdooRPC

/// The fields the fake serves: stored ones as kept, many2one fields named with their model, and the
/// computed fields Closer reads (residuals, reconciliation state, an entry's items).
extension FakeOdoo {
    static let relations: [String: [String: String]] = [
        "res.company": ["currency_id": "res.currency", "transfer_account_id": "account.account", "partner_id": "res.partner"],
        "res.users": ["company_id": "res.company", "partner_id": "res.partner"],
        "account.journal": ["default_account_id": "account.account", "suspense_account_id": "account.account", "company_id": "res.company"],
        "account.move": ["journal_id": "account.journal", "company_id": "res.company", "partner_id": "res.partner", "invoice_user_id": "res.users",
                         "commercial_partner_id": "res.partner", "currency_id": "res.currency",
                         "create_uid": "res.users", "reversed_entry_id": "account.move", "statement_line_id": "account.bank.statement.line"],
        "account.move.line": ["move_id": "account.move", "account_id": "account.account", "partner_id": "res.partner",
                              "company_id": "res.company", "currency_id": "res.currency", "statement_line_id": "account.bank.statement.line"],
        "account.bank.statement.line": ["move_id": "account.move", "journal_id": "account.journal", "company_id": "res.company",
                                        "partner_id": "res.partner", "currency_id": "res.currency", "foreign_currency_id": "res.currency"],
        "account.partial.reconcile": ["debit_move_id": "account.move.line", "credit_move_id": "account.move.line"],
        "mail.activity": ["res_model_id": "ir.model", "activity_type_id": "mail.activity.type", "user_id": "res.users"],
        "res.partner": ["create_uid": "res.users"],
        "res.partner.bank": ["partner_id": "res.partner", "currency_id": "res.currency", "bank_id": "res.bank", "create_uid": "res.users",
                             "write_uid": "res.users"],
        "account.payment": ["partner_id": "res.partner", "journal_id": "account.journal", "currency_id": "res.currency", "create_uid": "res.users"],
        "hr.expense.sheet": ["employee_id": "hr.employee", "user_id": "res.users", "company_id": "res.company"],
        "hr.expense": ["employee_id": "hr.employee", "product_id": "product.product", "sheet_id": "hr.expense.sheet", "company_id": "res.company"],
        "hr.employee": ["user_id": "res.users", "company_id": "res.company"],
    ]

    /// Amounts, kept in cents (the fake's one currency has two decimals).
    static let moneyFields: Set<String> = ["balance", "amount_currency", "amount", "debit", "credit", "amount_residual", "amount_residual_currency",
                                           "amount_total", "amount_total_signed", "total_amount"]

    static let lockFields = ["fiscalyear_lock_date", "tax_lock_date", "sale_lock_date", "purchase_lock_date", "hard_lock_date"]

    /// What fields_get lists: Odoo 18's lock dates (no period lock) and the user-specific ones.
    static func fields(of model: String) -> [String] {
        model == "res.company" ? lockFields + ["name", "user_fiscalyear_lock_date", "user_hard_lock_date", "currency_id", "transfer_account_id", "partner_id"]
            : Array(relations[model]?.keys ?? [:].keys)
    }

    func value(_ model: String, _ id: Int, _ field: String) -> RPCValue {
        guard let record = tables[model]?[id] else { return false }
        if let computed = computed(model, record, field) { return computed }
        guard let stored = record[field] else { return false }
        if let related = Self.relations[model]?[field] {
            guard let target = stored.int, tables[related]?[target] != nil else { return false }
            return [RPCValue(target), .string(displayName(related, target))]
        }
        if Self.moneyFields.contains(field), let cents = stored.int { return Self.money(cents) }
        return stored
    }

    static func money(_ cents: Int) -> RPCValue { .double(WireNumber(minorUnits: Int64(cents), scale: 2)) }

    func displayName(_ model: String, _ id: Int) -> String {
        let record = tables[model]?[id] ?? [:]
        if model == "account.account" { return "\(record["code"]?.stringValue ?? "") \(record["name"]?.stringValue ?? "")" }
        return record["name"]?.stringValue ?? "\(model),\(id)"
    }

    private func computed(_ model: String, _ record: Record, _ field: String) -> RPCValue? {
        let id = record["id"]?.int ?? 0
        switch (model, field) {
        case (_, "display_name"): return .string(displayName(model, id))
        case ("account.move", "line_ids"): return RPCValue(lines(ofMove: id))
        case ("account.move", "amount_residual_signed") where record["move_type"]?.stringValue == "out_invoice":
            return Self.money(receivableResidual(ofMove: id))
        case ("account.move", "payment_state") where record["payment_state"] == nil && record["move_type"]?.stringValue == "out_invoice":
            return receivableResidual(ofMove: id) == 0 ? "paid" : "not_paid"
        case ("account.move.line", "move_name"): return .string(displayName("account.move", record["move_id"]?.int ?? 0))
        case ("account.move.line", "parent_state"): return tables["account.move"]?[record["move_id"]?.int ?? 0]?["state"] ?? false
        case ("account.move.line", "company_currency_id"): return value("account.move.line", id, "currency_id")
        case ("account.move.line", "debit"): return Self.money(max(0, record["balance"]?.int ?? 0))
        case ("account.move.line", "credit"): return Self.money(max(0, -(record["balance"]?.int ?? 0)))
        case ("account.move.line", "amount_residual"), ("account.move.line", "amount_residual_currency"): return Self.money(residual(ofLine: id))
        case ("account.move.line", "reconciled"): return .bool(reconciles(record) && residual(ofLine: id) == 0)
        case ("account.move.line", "matching_number"): return matchingNumber(ofLine: id).map(RPCValue.string) ?? false
        case ("account.bank.statement.line", "is_reconciled"): return .bool(suspenseLines(ofStatementLine: record).isEmpty)
        case ("account.bank.statement.line", "amount_residual"):
            return Self.money(suspenseLines(ofStatementLine: record).reduce(0) { $0 + (tables["account.move.line"]?[$1]?["amount_currency"]?.int ?? 0) })
        case ("res.company", "user_fiscalyear_lock_date"): return record["fiscalyear_lock_date"] ?? false
        case ("res.company", "user_hard_lock_date"): return record["hard_lock_date"] ?? false
        default: return nil
        }
    }

    /// What a customer invoice still owes: the residuals of its items on reconcilable accounts.
    func receivableResidual(ofMove move: Int) -> Int {
        lines(ofMove: move).filter { reconciles(tables["account.move.line"]?[$0] ?? [:]) }.reduce(0) { $0 + residual(ofLine: $1) }
    }

    func lines(ofMove move: Int) -> [Int] {
        (tables["account.move.line"] ?? [:]).filter { $0.value["move_id"]?.int == move }.map(\.key).sorted()
    }

    func reconciles(_ line: Record) -> Bool {
        tables["account.account"]?[line["account_id"]?.int ?? 0]?["reconcile"]?.boolValue == true
    }

    /// Odoo 18 (_seek_for_lines): the items of the statement line's entry on the journal's suspense account.
    func suspenseLines(ofStatementLine line: Record) -> [Int] {
        let journal = tables["account.journal"]?[line["journal_id"]?.int ?? 0] ?? [:]
        let suspense = journal["suspense_account_id"]?.int, liquidity = journal["default_account_id"]?.int
        return lines(ofMove: line["move_id"]?.int ?? 0).filter { item in
            let account = tables["account.move.line"]?[item]?["account_id"]?.int
            return account == suspense && account != liquidity
        }
    }
}
