/// The Odoo fields Closer reads, per model. Only OdooLedger knows these names; each list is
/// intersected with what the server has (see `OdooSchema`).
enum OdooFieldLists {
    static let company = ["name", "currency_id", "fiscalyear_last_month", "fiscalyear_last_day", "partner_id"]
    static let currency = ["name", "decimal_places"]
    static let account = ["code", "name", "account_type", "reconcile"]
    static let journal = ["code", "name", "type", "default_account_id", "currency_id"]
    static let tax = ["name", "type_tax_use", "amount", "amount_type"]
    static let partner = ["name", "is_company"]
    static let partnerBank = ["acc_number", "partner_id"]
    static let move = ["name", "state", "move_type", "date", "invoice_date", "invoice_date_due", "journal_id", "partner_id", "ref",
                       "currency_id", "amount_total_signed", "amount_total", "amount_residual_signed", "payment_state",
                       "create_uid", "create_date", "write_uid", "write_date"]
    static let line = ["move_id", "date", "account_id", "partner_id", "name", "debit", "credit", "amount_currency", "currency_id",
                       "analytic_distribution", "tax_ids", "reconciled", "amount_residual", "matching_number", "display_type",
                       "write_date"]
    static let statementLine = ["move_id", "journal_id", "date", "payment_ref", "partner_id", "partner_name", "account_number",
                                "amount", "currency_id", "foreign_currency_id", "amount_currency", "is_reconciled",
                                "amount_residual", "write_date"]
}
