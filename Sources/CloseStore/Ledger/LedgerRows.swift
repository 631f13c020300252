import Foundation
import Ledger

/// Column mapping between Ledger values and the store's tables. Money is stored as integer minor
/// units; the scale comes from the currency table when values are read back.
enum LedgerRows {
    static func insertReferenceData(_ snapshot: LedgerSnapshot, companyID: Int64, in db: any StoreSession) throws {
        for table in ["currency", "account", "journal", "partner", "tax"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE company_id = ?", arguments: [companyID])
        }
        for currency in snapshot.currencies {
            try db.execute(sql: "INSERT INTO currency VALUES (?, ?, ?, ?)",
                           arguments: [companyID, currency.id, currency.code.description, currency.decimalPlaces])
        }
        try db.prepare(sql: "INSERT INTO account VALUES (?, ?, ?, ?, ?, ?)").execute(batch: snapshot.accounts.map { item in
            [companyID, item.id, item.code, item.name, item.type.rawValue, item.reconcile]
        })
        try db.prepare(sql: "INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)").execute(batch: snapshot.journals.map { item in
            [companyID, item.id, item.code, item.name, item.type.rawValue, item.defaultAccountID, item.currencyID]
        })
        try db.prepare(sql: "INSERT INTO tax VALUES (?, ?, ?, ?, ?)").execute(batch: snapshot.taxes.map { item in
            [companyID, item.id, item.name, item.scope.rawValue, item.rateBasisPoints]
        })
        try db.prepare(sql: "INSERT INTO partner VALUES (?, ?, ?, ?, ?)").execute(batch: snapshot.partners.map { item in
            [companyID, item.id, item.name, item.bankAccounts.joined(separator: "\n"), item.isCompany]
        })
    }

    static func moveRow(_ move: Move, hash: String, companyID: Int64) -> StoreArguments {
        [
            companyID, move.id, move.name, move.state.rawValue, move.type.rawValue, move.date.description,
            move.invoiceDate?.description, move.dueDate?.description, move.journalID, move.partnerID, move.ref,
            move.currencyID, move.amountTotal.minorUnits, move.amountTotalInCurrency.minorUnits, move.amountResidual.minorUnits,
            move.paymentState?.rawValue, move.audit.createdBy?.id, move.audit.createdBy?.name, move.audit.createdAt.description,
            move.audit.writtenBy?.id, move.audit.writtenBy?.name, move.audit.writtenAt.description, hash,
        ]
    }

    /// The insert of a whole row into `table`: one of `move` (23 columns), `move_line` (17), `statement_line` (15), or a pull's
    /// staging copy. `replacing` first removes the row of the same key, with what cascades from it, as SQLite's
    /// INSERT OR REPLACE does; PostgreSQL has no such statement, so there the caller deletes first (`deleteSQL`).
    static func insertSQL(into table: String, columns: Int, replacing: Bool, dialect: StoreDialect) -> String {
        (replacing ? dialect.insertReplacing : "INSERT") + " INTO " + table + " VALUES ("
            + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
    }

    static func lineRow(_ line: JournalLine, companyID: Int64) -> StoreArguments {
        [
            companyID, line.id, line.moveID, line.date.description, line.accountID, line.partnerID, line.label,
            line.debit.minorUnits, line.credit.minorUnits, line.amountCurrency.minorUnits, line.currencyID,
            analyticText(line.analytic), line.taxIDs.map(String.init).joined(separator: ","), line.reconciled,
            line.amountResidual.minorUnits, line.matchingNumber, line.kind?.rawValue,
        ]
    }

    static func statementLineRow(_ line: StatementLine, companyID: Int64, currencies: CurrencyTable) -> StoreArguments {
        [
            companyID, line.id, line.moveID, line.journalID, line.date.description, line.paymentRef, line.partnerID,
            line.partnerName, line.accountNumber, line.amount.minorUnits, currencies.id(of: line.amount.currency),
            line.foreignAmount?.minorUnits, line.foreignAmount.map { currencies.id(of: $0.currency) } ?? nil,
            line.isReconciled, line.amountResidual?.minorUnits,
        ]
    }

    /// A `move` row read back (the stored Money's scale from the currency table).
    static func move(from row: StoreRow, home: Currency, currencies: CurrencyTable) -> Move {
        let currencyID: Int = row["currency_id"]
        let createdBy = (row["created_by_id"] as Int?).map { UserRef(id: $0, name: row["created_by_name"] ?? "") }
        let writtenBy = (row["written_by_id"] as Int?).map { UserRef(id: $0, name: row["written_by_name"] ?? "") }
        return Move(
            id: row["odoo_id"], name: row["name"], state: MoveState(rawValue: row["state"]), type: MoveType(rawValue: row["move_type"]),
            date: LocalDate(iso: row["date"] as String)!, invoiceDate: (row["invoice_date"] as String?).flatMap { LocalDate(iso: $0) },
            dueDate: (row["due_date"] as String?).flatMap { LocalDate(iso: $0) }, journalID: row["journal_id"],
            partnerID: row["partner_id"], ref: row["ref"], currencyID: currencyID,
            amountTotal: home.money(row["amount_total"]),
            amountTotalInCurrency: currencies.money(row["amount_total_in_currency"], currencyID: currencyID, fallback: home),
            amountResidual: home.money(row["amount_residual"]), paymentState: (row["payment_state"] as String?).map(PaymentState.init),
            audit: RecordAudit(createdBy: createdBy, createdAt: Timestamp(odoo: row["created_at"] as String)!,
                               writtenBy: writtenBy, writtenAt: Timestamp(odoo: row["written_at"] as String)!))
    }

    /// A `move_line` row read back.
    static func line(from row: StoreRow, home: Currency, currencies: CurrencyTable) -> JournalLine {
        let currencyID: Int = row["currency_id"]
        return JournalLine(
            id: row["odoo_id"], moveID: row["move_id"], date: LocalDate(iso: row["date"] as String)!, accountID: row["account_id"],
            partnerID: row["partner_id"], label: row["label"], debit: home.money(row["debit"]), credit: home.money(row["credit"]),
            amountCurrency: currencies.money(row["amount_currency"], currencyID: currencyID, fallback: home), currencyID: currencyID,
            analytic: analytic(from: row["analytic"]),
            taxIDs: (row["tax_ids"] as String).split(separator: ",").compactMap { Int($0) }, reconciled: row["reconciled"],
            amountResidual: home.money(row["amount_residual"]), matchingNumber: row["matching_number"],
            kind: (row["display_type"] as String?).map(LineKind.init))
    }

    /// Compact exact text: "12,31=40;12=60" (analytic account ids = percentage), shares sorted.
    static func analyticText(_ distribution: AnalyticDistribution?) -> String? {
        guard let distribution else { return nil }
        return distribution.shares.map { share in
            share.accountIDs.map(String.init).joined(separator: ",") + "=" + "\(share.percent)"
        }.sorted().joined(separator: ";")
    }

    static func analytic(from text: String?) -> AnalyticDistribution? {
        guard let text else { return nil }
        return AnalyticDistribution(text.split(separator: ";").compactMap { pair in
            let halves = pair.split(separator: "=", maxSplits: 1)
            guard halves.count == 2, let percent = Decimal(string: String(halves[1])) else { return nil }
            return AnalyticDistribution.Share(accountIDs: halves[0].split(separator: ",").compactMap { Int($0) }, percent: percent)
        })
    }
}

/// Currency ids, codes and scales of one company, for turning stored integers back into Money.
struct CurrencyTable {
    var byID: [Int: Currency]

    init(_ currencies: [Currency]) {
        byID = Dictionary(currencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func money(_ minorUnits: Int64, currencyID: Int, fallback: Currency) -> Money {
        (byID[currencyID] ?? fallback).money(minorUnits)
    }

    func id(of code: CurrencyCode) -> Int? { byID.values.first { $0.code == code }?.id }
}
