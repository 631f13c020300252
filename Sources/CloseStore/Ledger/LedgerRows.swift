import Foundation
import GRDB
import Ledger

/// Column mapping between Ledger values and the store's tables. Money is stored as integer minor
/// units; the scale comes from the currency table when values are read back.
enum LedgerRows {
    static func insertReferenceData(_ snapshot: LedgerSnapshot, companyID: Int64, in db: Database) throws {
        for table in ["currency", "account", "journal", "partner", "tax"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE company_id = ?", arguments: [companyID])
        }
        for currency in snapshot.currencies {
            try db.execute(sql: "INSERT INTO currency VALUES (?, ?, ?, ?)",
                           arguments: [companyID, currency.id, currency.code.description, currency.decimalPlaces])
        }
        let account = try db.makeStatement(sql: "INSERT INTO account VALUES (?, ?, ?, ?, ?, ?)")
        for item in snapshot.accounts {
            try account.execute(arguments: [companyID, item.id, item.code, item.name, item.type.rawValue, item.reconcile])
        }
        let journal = try db.makeStatement(sql: "INSERT INTO journal VALUES (?, ?, ?, ?, ?, ?, ?)")
        for item in snapshot.journals {
            try journal.execute(arguments: [companyID, item.id, item.code, item.name, item.type.rawValue, item.defaultAccountID, item.currencyID])
        }
        let tax = try db.makeStatement(sql: "INSERT INTO tax VALUES (?, ?, ?, ?, ?)")
        for item in snapshot.taxes {
            try tax.execute(arguments: [companyID, item.id, item.name, item.scope.rawValue, item.rateBasisPoints])
        }
        let partner = try db.makeStatement(sql: "INSERT INTO partner VALUES (?, ?, ?, ?, ?)")
        for item in snapshot.partners {
            try partner.execute(arguments: [companyID, item.id, item.name, item.bankAccounts.joined(separator: "\n"), item.isCompany])
        }
    }

    static func upsertMove(_ move: Move, hash: String, companyID: Int64, using statement: Statement) throws {
        statement.setUncheckedArguments([
            companyID, move.id, move.name, move.state.rawValue, move.type.rawValue, move.date.description,
            move.invoiceDate?.description, move.dueDate?.description, move.journalID, move.partnerID, move.ref,
            move.currencyID, move.amountTotal.minorUnits, move.amountTotalInCurrency.minorUnits, move.amountResidual.minorUnits,
            move.paymentState?.rawValue, move.audit.createdBy?.id, move.audit.createdBy?.name, move.audit.createdAt.description,
            move.audit.writtenBy?.id, move.audit.writtenBy?.name, move.audit.writtenAt.description, hash,
        ])
        try statement.execute()
    }

    static let upsertMoveSQL = "INSERT OR REPLACE INTO move VALUES (" + Array(repeating: "?", count: 23).joined(separator: ", ") + ")"
    static let insertLineSQL = "INSERT OR REPLACE INTO move_line VALUES (" + Array(repeating: "?", count: 17).joined(separator: ", ") + ")"
    static let upsertStatementLineSQL = "INSERT OR REPLACE INTO statement_line VALUES (" + Array(repeating: "?", count: 15).joined(separator: ", ") + ")"

    static func insertLine(_ line: JournalLine, companyID: Int64, using statement: Statement) throws {
        statement.setUncheckedArguments([
            companyID, line.id, line.moveID, line.date.description, line.accountID, line.partnerID, line.label,
            line.debit.minorUnits, line.credit.minorUnits, line.amountCurrency.minorUnits, line.currencyID,
            analyticText(line.analytic), line.taxIDs.map(String.init).joined(separator: ","), line.reconciled,
            line.amountResidual.minorUnits, line.matchingNumber, line.kind?.rawValue,
        ])
        try statement.execute()
    }

    static func upsertStatementLine(_ line: StatementLine, companyID: Int64, currencies: CurrencyTable, using statement: Statement) throws {
        statement.setUncheckedArguments([
            companyID, line.id, line.moveID, line.journalID, line.date.description, line.paymentRef, line.partnerID,
            line.partnerName, line.accountNumber, line.amount.minorUnits, currencies.id(of: line.amount.currency),
            line.foreignAmount?.minorUnits, line.foreignAmount.map { currencies.id(of: $0.currency) } ?? nil,
            line.isReconciled, line.amountResidual?.minorUnits,
        ])
        try statement.execute()
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
