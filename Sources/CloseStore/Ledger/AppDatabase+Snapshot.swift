public import Ledger

extension AppDatabase {
    /// The company a stored ledger belongs to (its Odoo id, currency, lock dates as last pulled), without the ledger.
    public func company(sourceKey: SourceKey) throws -> Company {
        try writer.read { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM company WHERE source_key = ?", arguments: [sourceKey]) else {
                throw StoreError.unknownCompany(sourceKey)
            }
            return Self.company(row)
        }
    }

    /// The stored ledger of a source, restricted to entries dated inside `window` when given (order
    /// lines, the open state at the last pull, always all of them), and to the journal lines `selection` names.
    public func loadSnapshot(sourceKey: SourceKey, window: DateRange? = nil, lines selection: LedgerLineSelection = .all) throws -> LedgerSnapshot {
        try writer.read { db in
            guard let companyRow = try StoreRow.fetchOne(db, sql: "SELECT * FROM company WHERE source_key = ?", arguments: [sourceKey]) else {
                throw StoreError.unknownCompany(sourceKey)
            }
            let companyID: Int64 = companyRow["id"]
            let company = Self.company(companyRow)
            let currencies = try StoreRow.fetchAll(db, sql: "SELECT * FROM currency WHERE company_id = ? ORDER BY odoo_id", arguments: [companyID]).compactMap { row in
                CurrencyCode(row["code"] as String).map { Currency(id: row["odoo_id"], code: $0, decimalPlaces: row["decimal_places"]) }
            }
            let table = CurrencyTable(currencies + [company.currency])
            let home = company.currency
            let dateFilter = window.map { " AND date BETWEEN '\($0.first)' AND '\($0.last)'" } ?? ""

            let accounts = try StoreRow.fetchAll(db, sql: "SELECT * FROM account WHERE company_id = ? ORDER BY odoo_id", arguments: [companyID]).map { row in
                Account(id: row["odoo_id"], code: row["code"], name: row["name"], type: AccountType(rawValue: row["account_type"]), reconcile: row["reconcile"])
            }
            let journals = try StoreRow.fetchAll(db, sql: "SELECT * FROM journal WHERE company_id = ? ORDER BY odoo_id", arguments: [companyID]).map { row in
                Journal(id: row["odoo_id"], code: row["code"], name: row["name"], type: JournalType(rawValue: row["journal_type"]),
                        defaultAccountID: row["default_account_id"], currencyID: row["currency_id"])
            }
            let partners = try StoreRow.fetchAll(db, sql: "SELECT * FROM partner WHERE company_id = ? ORDER BY odoo_id", arguments: [companyID]).map { row in
                Partner(id: row["odoo_id"], name: row["name"], bankAccounts: (row["bank_accounts"] as String).split(separator: "\n").map(String.init),
                        isCompany: row["is_company"])
            }
            let taxes = try StoreRow.fetchAll(db, sql: "SELECT * FROM tax WHERE company_id = ? ORDER BY odoo_id", arguments: [companyID]).map { row in
                Tax(id: row["odoo_id"], name: row["name"], scope: TaxScope(rawValue: row["scope"]), rateBasisPoints: row["rate_basis_points"])
            }
            // Sized once from a count: an array grown by doubling holds the old and the new buffer at once, which for
            // ten million lines is gigabytes more than the lines themselves.
            func count(_ table: String, _ condition: String = "") throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE company_id = ?\(dateFilter)\(condition)", arguments: [companyID]) ?? 0
            }
            var moves: [Move] = []
            moves.reserveCapacity(try count("move"))
            let moveRows = try StoreRow.fetchCursor(db, sql: "SELECT * FROM move WHERE company_id = ?\(dateFilter) ORDER BY odoo_id", arguments: [companyID])
            while let row = try moveRows.next() { moves.append(LedgerRows.move(from: row, home: home, currencies: table)) }
            var lines: [JournalLine] = []
            let lineCondition = selection.condition(companyID: companyID)
            lines.reserveCapacity(try count("move_line", lineCondition))
            let lineRows = try StoreRow.fetchCursor(db, sql: "SELECT * FROM move_line WHERE company_id = ?\(dateFilter)\(lineCondition) ORDER BY move_id, odoo_id",
                                               arguments: [companyID])
            while let row = try lineRows.next() { lines.append(LedgerRows.line(from: row, home: home, currencies: table)) }
            let statementLines = try StoreRow.fetchAll(db, sql: "SELECT * FROM statement_line WHERE company_id = ?\(dateFilter) ORDER BY odoo_id", arguments: [companyID]).map { row in
                let amountCurrency: Int = row["amount_currency_id"]
                return StatementLine(
                    id: row["odoo_id"], moveID: row["move_id"], journalID: row["journal_id"], date: LocalDate(iso: row["date"] as String)!,
                    paymentRef: row["payment_ref"], partnerID: row["partner_id"], partnerName: row["partner_name"],
                    accountNumber: row["account_number"], amount: table.money(row["amount"], currencyID: amountCurrency, fallback: home),
                    foreignAmount: (row["foreign_amount"] as Int64?).map { table.money($0, currencyID: row["foreign_currency_id"] ?? 0, fallback: home) },
                    isReconciled: row["is_reconciled"],
                    amountResidual: (row["amount_residual"] as Int64?).map { table.money($0, currencyID: amountCurrency, fallback: home) })
            }
            return LedgerSnapshot(company: company, currencies: currencies, accounts: accounts, journals: journals, partners: partners,
                                  taxes: taxes, moves: moves, lines: lines, statementLines: statementLines,
                                  orderLines: try OrderLineRows.fetch(companyID: companyID, in: db))
        }
    }

    /// Posted-entry changes recorded by pulls, newest run first.
    public func moveChanges(sourceKey: SourceKey) throws -> [MoveChange] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT c.* FROM move_change c JOIN company ON company.id = c.company_id
                WHERE company.source_key = ? ORDER BY c.run_id DESC, c.move_odoo_id
                """, arguments: [sourceKey]).map { row in
                MoveChange(kind: MoveChange.Kind(rawValue: row["change"]) ?? .changed, moveID: row["move_odoo_id"], moveName: row["move_name"],
                           previousHash: row["previous_hash"], currentHash: row["current_hash"],
                           writtenAt: (row["written_at"] as String?).flatMap { Timestamp(odoo: $0) }, writtenBy: row["written_by"])
            }
        }
    }

    static func company(_ row: StoreRow) -> Company {
        func date(_ column: String) -> LocalDate? { (row[column] as String?).flatMap { LocalDate(iso: $0) } }
        let currency = Currency(id: row["currency_id"], code: CurrencyCode(row["currency_code"] as String) ?? .usd,
                                decimalPlaces: row["currency_scale"])
        return Company(id: row["odoo_id"], name: row["name"], currency: currency, fiscalYearEndMonth: row["fiscal_year_end_month"],
                       fiscalYearEndDay: row["fiscal_year_end_day"],
                       lockDates: LockDates(fiscalYear: date("lock_fiscal_year"), tax: date("lock_tax"), sale: date("lock_sale"),
                                            purchase: date("lock_purchase"), hard: date("lock_hard"), period: date("lock_period")),
                       dateOrder: (row["date_order"] as String?).flatMap(DateOrder.init(rawValue:)))
    }
}

extension AppDatabase {
    /// The ledgers this store holds, by source key.
    public func sourceKeys() throws -> [SourceKey] {
        // One SELECT is its own snapshot: no transaction needed, and the API asks on most requests.
        try writer.unsafeRead { db in try SourceKey.fetchAll(db, sql: "SELECT source_key FROM company ORDER BY source_key") }
    }
}
