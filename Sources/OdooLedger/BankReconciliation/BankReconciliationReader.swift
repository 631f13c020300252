import Ledger
import OdooRPC

/// Reads what `BankReconciliationPlanner` decides on, and what Odoo shows after a match. Only reads.
/// Accounts, currencies and companies are cached for one run.
struct BankReconciliationReader {
    let client: OdooClient
    private var accounts: [Int: AccountFacts] = [:]
    private var currencies: [Int: Currency] = [:]
    private var companies: [Int: CompanyFacts] = [:]
    private var companyLockFields: [String]?
    private var accountOutOfUseField: String?
    private var journals: [Int: OdooRecord] = [:]

    init(client: OdooClient) { self.client = client }

    static let lineFields = ["move_id", "move_name", "parent_state", "date", "account_id", "partner_id", "company_id", "currency_id",
                             "company_currency_id", "balance", "amount_currency", "amount_residual", "amount_residual_currency",
                             "reconciled", "matching_number", "statement_line_id"]

    mutating func facts(for item: BankReconciliation) async throws -> BankReconciliationFacts? {
        guard let line = try await statementLines([item.statementLineID]).first else { return nil }
        let open = try await journalItems(item.openItemLineIDs)
        let transferIDs = Set(open.compactMap(\.statementLineID)).subtracting([line.id])
        let transfers = try await statementLines(transferIDs.sorted())
        let company = try await company(line.companyID)
        var wanted = Set<Int>()
        if let id = item.writeOffAccountID { wanted.insert(id) }
        if let id = company.transferAccountID { wanted.insert(id) }
        try await loadAccounts(wanted)
        return BankReconciliationFacts(
            statementLine: line, openItems: Dictionary(open.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            transferStatementLines: Dictionary(transfers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            accounts: accounts, company: company)
    }

    /// Statement lines with their entries' items, in the order found.
    mutating func statementLines(_ ids: [Int]) async throws -> [StatementLineFacts] {
        guard !ids.isEmpty else { return [] }
        let rows = try await client.read("account.bank.statement.line", ids: ids,
                                         fields: ["move_id", "date", "journal_id", "company_id", "is_reconciled", "payment_ref", "partner_id",
                                                  "amount_residual", "currency_id", "foreign_currency_id"])
        var result: [StatementLineFacts] = []
        for row in rows {
            let record = OdooRecord(model: "account.bank.statement.line", values: row)
            let move = try await client.read("account.move", ids: [try record.many2oneID("move_id")], fields: ["name", "state", "line_ids"])
            guard let moveRow = move.first else { continue }
            let moveRecord = OdooRecord(model: "account.move", values: moveRow)
            let journalID = try record.many2oneID("journal_id")
            let journalRecord = try await journal(journalID)
            let transactionCurrency = try await currency(try record.optionalMany2one("foreign_currency_id")?.id ?? record.many2oneID("currency_id"))
            result.append(StatementLineFacts(
                id: try record.int("id"), moveID: try moveRecord.int("id"), moveName: moveRecord.optionalString("name") ?? "/",
                moveState: moveRecord.optionalString("state") ?? "draft", date: try record.date("date"),
                companyID: try record.many2oneID("company_id"), journalName: journalRecord.optionalString("name") ?? "journal \(journalID)",
                liquidityAccountID: journalRecord.optionalMany2one("default_account_id")?.id,
                suspenseAccountID: journalRecord.optionalMany2one("suspense_account_id")?.id,
                paymentRef: record.optionalString("payment_ref") ?? "", partnerID: record.optionalMany2one("partner_id")?.id,
                isReconciled: record.bool("is_reconciled"), residual: try record.money("amount_residual", in: transactionCurrency), lines: try await journalItems(moveRecord.ids("line_ids"))))
        }
        return result
    }

    /// account.move.line records, in id order; ids that no longer exist are left out.
    mutating func journalItems(_ ids: [Int]) async throws -> [JournalItemFacts] {
        guard !ids.isEmpty else { return [] }
        // One search_read (not OdooClient.searchRead's paging, which costs three calls for a handful of ids).
        let value = try await client.execute("account.move.line", "search_read", [[["id", "in", RPCValue(ids)]]],
                                             ["fields": RPCValue(Self.lineFields), "order": "id"], idempotent: true)
        let records = (value.arrayValue ?? []).compactMap(\.structValue).map { OdooRecord(model: "account.move.line", values: $0) }
        try await loadAccounts(Set(records.compactMap { $0.optionalMany2one("account_id")?.id }))
        try await loadCurrencies(Set(records.flatMap { [$0.optionalMany2one("currency_id")?.id, $0.optionalMany2one("company_currency_id")?.id] }
            .compactMap { $0 }))
        return try records.map { record in
            let accountID = try record.many2oneID("account_id")
            let account = accounts[accountID]
            let currencyID = try record.many2oneID("currency_id")
            guard let currency = currencies[currencyID], let companyCurrency = currencies[try record.many2oneID("company_currency_id")] else {
                throw record.fail("currency_id", "unknown currency")
            }
            return JournalItemFacts(
                id: try record.int("id"), moveID: try record.many2oneID("move_id"),
                moveName: record.optionalString("move_name") ?? record.optionalMany2one("move_id")?.name ?? "/",
                moveState: record.optionalString("parent_state") ?? "draft", date: try record.date("date"),
                accountID: accountID, accountCode: account?.code ?? "\(accountID)", accountType: account?.accountType ?? "",
                accountReconciles: account?.reconciles ?? false, partnerID: record.optionalMany2one("partner_id")?.id,
                companyID: try record.many2oneID("company_id"), currencyID: currencyID,
                balance: try record.money("balance", in: companyCurrency), amountCurrency: try record.money("amount_currency", in: currency),
                residual: try record.money("amount_residual", in: companyCurrency),
                residualInCurrency: try record.money("amount_residual_currency", in: currency),
                reconciled: record.bool("reconciled"), matchingNumber: record.optionalString("matching_number"),
                statementLineID: record.optionalMany2one("statement_line_id")?.id)
        }
    }

    mutating func journal(_ id: Int) async throws -> OdooRecord {
        if let known = journals[id] { return known }
        let rows = try await client.read("account.journal", ids: [id], fields: ["name", "default_account_id", "suspense_account_id"])
        let record = OdooRecord(model: "account.journal", values: rows.first ?? [:])
        journals[id] = record
        return record
    }

    mutating func loadAccounts(_ ids: Set<Int>) async throws {
        let missing = ids.subtracting(accounts.keys)
        guard !missing.isEmpty else { return }
        let outOfUse = try await outOfUseField()
        let rows = try await client.read("account.account", ids: missing.sorted(), fields: ["code", "name", "account_type", "reconcile", outOfUse])
        for row in rows {
            let record = OdooRecord(model: "account.account", values: row)
            guard let id = record.id else { continue }
            accounts[id] = AccountFacts(id: id, code: record.optionalString("code") ?? "\(id)", name: record.optionalString("name") ?? "",
                                        accountType: record.optionalString("account_type") ?? "", reconciles: record.bool("reconcile"),
                                        deprecated: outOfUse == "deprecated" ? record.bool("deprecated") : !record.bool("active"))
        }
    }

    /// Odoo 16 to 18 mark an account out of use as `deprecated`; 19 dropped that field and archives it (`active` false).
    private mutating func outOfUseField() async throws -> String {
        if let known = accountOutOfUseField { return known }
        let field = try await client.fieldsGet("account.account", attributes: ["type"])["deprecated"] != nil ? "deprecated" : "active"
        accountOutOfUseField = field
        return field
    }

    mutating func currency(_ id: Int) async throws -> Currency {
        try await loadCurrencies([id])
        guard let currency = currencies[id] else { throw OdooError.missingRecord("res.currency \(id)") }
        return currency
    }

    mutating func loadCurrencies(_ ids: Set<Int>) async throws {
        let missing = ids.subtracting(currencies.keys)
        guard !missing.isEmpty else { return }
        let rows = try await client.read("res.currency", ids: missing.sorted(), fields: ["name", "decimal_places"])
        for row in rows {
            let record = OdooRecord(model: "res.currency", values: row)
            guard let id = record.id, let code = CurrencyCode(try record.string("name")) else { continue }
            currencies[id] = Currency(id: id, code: code, decimalPlaces: row["decimal_places"]?.int ?? 2)
        }
    }

    /// The company's currency, transfer account and the lock date that binds this user for bank
    /// entries: Odoo 18's user_fiscalyear_lock_date / user_hard_lock_date (lock exceptions included),
    /// else the company's own fiscal year, hard or period lock date.
    mutating func company(_ id: Int) async throws -> CompanyFacts {
        if let known = companies[id] { return known }
        if companyLockFields == nil {
            let fields = try await client.fieldsGet("res.company", attributes: ["type"])
            let userLocks = ["user_fiscalyear_lock_date", "user_hard_lock_date"].filter { fields[$0] != nil }
            companyLockFields = userLocks.isEmpty
                ? ["fiscalyear_lock_date", "hard_lock_date", "period_lock_date"].filter { fields[$0] != nil } : userLocks
        }
        let lockFields = companyLockFields ?? []
        let rows = try await client.read("res.company", ids: [id], fields: ["currency_id", "transfer_account_id"] + lockFields)
        guard let row = rows.first else { throw OdooError.missingRecord("res.company \(id)") }
        let record = OdooRecord(model: "res.company", values: row)
        let currencyID = try record.many2oneID("currency_id")
        try await loadCurrencies([currencyID])
        guard let currency = currencies[currencyID] else { throw record.fail("currency_id", "unknown currency") }
        let locks = lockFields.compactMap { field in record.optionalDate(field).map { (field, $0) } }
        let latest = locks.max { $0.1 < $1.1 }
        let facts = CompanyFacts(id: id, currency: currency, transferAccountID: record.optionalMany2one("transfer_account_id")?.id,
                                 lockDate: latest?.1, lockName: latest.map { Self.lockName($0.0) } ?? "")
        companies[id] = facts
        return facts
    }

    static func lockName(_ field: String) -> String {
        switch field {
        case "user_hard_lock_date", "hard_lock_date": "hard lock"
        case "period_lock_date": "lock date for non-advisers"
        default: "fiscal year lock"
        }
    }
}
