import Ledger
import OdooRPC

/// Turns search_read records into Ledger values. Amounts become exact Money at once.
struct OdooLedgerMapping {
    let company: Company
    let currencies: [Int: Currency]

    func currency(_ id: Int) -> Currency { currencies[id] ?? company.currency }

    static func currency(_ record: OdooRecord) throws -> Currency {
        let code = try record.string("name")
        guard let parsed = CurrencyCode(code) else { throw record.fail("name", "'\(code)', not a 3-letter currency code,") }
        return Currency(id: try record.int("id"), code: parsed, decimalPlaces: record.values["decimal_places"]?.int ?? 2)
    }

    static func company(_ record: OdooRecord, currency: Currency, lockFields: [String]) throws -> Company {
        let locks = LockDates(fiscalYear: record.optionalDate("fiscalyear_lock_date"), tax: record.optionalDate("tax_lock_date"),
                              sale: record.optionalDate("sale_lock_date"), purchase: record.optionalDate("purchase_lock_date"),
                              hard: record.optionalDate("hard_lock_date"), period: record.optionalDate("period_lock_date"))
        return Company(id: try record.int("id"), name: try record.string("name"), currency: currency,
                       fiscalYearEndMonth: Int(record.values["fiscalyear_last_month"]?.stringValue ?? "")
                           ?? record.values["fiscalyear_last_month"]?.int ?? 12,
                       fiscalYearEndDay: record.values["fiscalyear_last_day"]?.int ?? 31, lockDates: locks)
    }

    static func account(_ record: OdooRecord) throws -> Account {
        Account(id: try record.int("id"), code: record.optionalString("code") ?? "", name: try record.string("name"),
                type: record.selection("account_type", as: AccountType.self) ?? AccountType(rawValue: "unknown"),
                reconcile: record.bool("reconcile"))
    }

    static func journal(_ record: OdooRecord) throws -> Journal {
        Journal(id: try record.int("id"), code: try record.string("code"), name: try record.string("name"),
                type: JournalType(rawValue: try record.string("type")), defaultAccountID: record.optionalMany2one("default_account_id")?.id,
                currencyID: record.optionalMany2one("currency_id")?.id)
    }

    /// Percent taxes keep their rate; fixed-amount and group taxes carry rate 0 (their scope still matters).
    static func tax(_ record: OdooRecord) throws -> Tax {
        let isPercent = (record.optionalString("amount_type") ?? "percent") == "percent"
        let rate = isPercent ? record.values["amount"]?.numberValue?.minorUnits(scale: 2) ?? 0 : 0
        return Tax(id: try record.int("id"), name: try record.string("name"),
                   scope: record.selection("type_tax_use", as: TaxScope.self) ?? .none, rateBasisPoints: Int(rate))
    }

    static func partner(_ record: OdooRecord, bankAccounts: [String]) throws -> Partner {
        let id = try record.int("id")
        return Partner(id: id, name: record.optionalString("name") ?? "(unnamed partner \(id))", bankAccounts: bankAccounts,
                       isCompany: record.bool("is_company"))
    }

    func move(_ record: OdooRecord) throws -> Move {
        let home = company.currency
        let ownCurrency = currency(try record.many2oneID("currency_id"))
        return Move(
            id: try record.int("id"), name: record.optionalString("name") ?? "/",
            state: MoveState(rawValue: try record.string("state")), type: MoveType(rawValue: try record.string("move_type")),
            date: try record.date("date"), invoiceDate: record.optionalDate("invoice_date"), dueDate: record.optionalDate("invoice_date_due"),
            journalID: try record.many2oneID("journal_id"), partnerID: record.optionalMany2one("partner_id")?.id,
            ref: record.optionalString("ref"), currencyID: ownCurrency.id,
            amountTotal: try record.money("amount_total_signed", in: home).magnitude,
            amountTotalInCurrency: try record.money("amount_total", in: ownCurrency).magnitude,
            amountResidual: try record.money("amount_residual_signed", in: home).magnitude,
            paymentState: record.selection("payment_state", as: PaymentState.self),
            audit: RecordAudit(createdBy: record.user("create_uid"), createdAt: try record.timestamp("create_date"),
                               writtenBy: record.user("write_uid"), writtenAt: try record.timestamp("write_date")))
    }

    func line(_ record: OdooRecord) throws -> JournalLine {
        let home = company.currency
        let lineCurrency = currency(record.optionalMany2one("currency_id")?.id ?? home.id)
        return JournalLine(
            id: try record.int("id"), moveID: try record.many2oneID("move_id"), date: try record.date("date"),
            accountID: try record.many2oneID("account_id"), partnerID: record.optionalMany2one("partner_id")?.id,
            label: record.optionalString("name") ?? "", debit: try record.money("debit", in: home),
            credit: try record.money("credit", in: home), amountCurrency: try record.money("amount_currency", in: lineCurrency),
            currencyID: lineCurrency.id, analytic: record.analytic("analytic_distribution"), taxIDs: record.ids("tax_ids"),
            reconciled: record.bool("reconciled"), amountResidual: try record.money("amount_residual", in: home),
            matchingNumber: record.optionalString("matching_number"), kind: record.selection("display_type", as: LineKind.self))
    }

    func statementLine(_ record: OdooRecord) throws -> StatementLine {
        let journalCurrency = currency(record.optionalMany2one("currency_id")?.id ?? company.currency.id)
        let foreign = record.optionalMany2one("foreign_currency_id").map { currency($0.id) }
        return StatementLine(
            id: try record.int("id"), moveID: try record.many2oneID("move_id"), journalID: try record.many2oneID("journal_id"),
            date: try record.date("date"), paymentRef: record.optionalString("payment_ref"),
            partnerID: record.optionalMany2one("partner_id")?.id, partnerName: record.optionalString("partner_name"),
            accountNumber: record.optionalString("account_number"), amount: try record.money("amount", in: journalCurrency),
            foreignAmount: try foreign.map { try record.money("amount_currency", in: $0) }, isReconciled: record.bool("is_reconciled"),
            amountResidual: record.values["amount_residual"] == nil ? nil : try record.money("amount_residual", in: journalCurrency))
    }
}
