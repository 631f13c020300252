import Foundation
import GRDB
public import Ledger

extension AppDatabase {
    /// Stores what a pull brought back, in one transaction with its audit event: reference data is
    /// replaced, moves and statement lines are upserted, moves that vanished from the window are
    /// removed. Posted entries whose fingerprint differs from the stored one, or that vanished,
    /// are returned (and kept in `move_change`) as changes.
    public func savePull(_ result: PullResult, sourceKey: SourceKey, window: DateRange, incremental: Bool,
                         runID: Int64, actor: String) throws -> PullOutcome {
        try writer.write { db in
            let snapshot = result.snapshot
            let companyID = try Self.upsertCompany(snapshot.company, sourceKey: sourceKey, window: window, in: db)
            try LedgerRows.insertReferenceData(snapshot, companyID: companyID, in: db)
            let currencies = CurrencyTable(snapshot.currencies)

            var previous: [Int: (hash: String, state: String, name: String)] = [:]
            let stored = try Row.fetchCursor(db, sql: "SELECT odoo_id, content_hash, state, name FROM move WHERE company_id = ? AND date BETWEEN ? AND ?",
                                             arguments: [companyID, window.first.description, window.last.description])
            while let row = try stored.next() { previous[row[0]] = (row[1], row[2], row[3]) }

            var changes: [MoveChange] = []
            let linesByMove = Dictionary(grouping: snapshot.lines, by: \.moveID)
            let moveStatement = try db.makeStatement(sql: LedgerRows.upsertMoveSQL)
            let lineStatement = try db.makeStatement(sql: LedgerRows.insertLineSQL)
            let deleteLines = try db.makeStatement(sql: "DELETE FROM move_line WHERE company_id = ? AND move_id = ?")
            for move in snapshot.moves {
                let lines = linesByMove[move.id] ?? []
                let hash = MoveFingerprint.of(move, lines: lines)
                if let before = previous[move.id], before.state == MoveState.posted.rawValue, before.hash != hash {
                    changes.append(MoveChange(kind: .changed, moveID: move.id, moveName: move.name, previousHash: before.hash,
                                              currentHash: hash, writtenAt: move.audit.writtenAt, writtenBy: move.audit.writtenBy?.name))
                }
                try LedgerRows.upsertMove(move, hash: hash, companyID: companyID, using: moveStatement)
                try deleteLines.execute(arguments: [companyID, move.id])
                for line in lines { try LedgerRows.insertLine(line, companyID: companyID, using: lineStatement) }
            }

            let present = Set(result.moveIDsInWindow)
            for (id, before) in previous where !present.contains(id) {
                if before.state == MoveState.posted.rawValue {
                    changes.append(MoveChange(kind: .deleted, moveID: id, moveName: before.name, previousHash: before.hash))
                }
                try db.execute(sql: "DELETE FROM move WHERE company_id = ? AND odoo_id = ?", arguments: [companyID, id])
            }

            let statementLine = try db.makeStatement(sql: LedgerRows.upsertStatementLineSQL)
            for line in snapshot.statementLines {
                try LedgerRows.upsertStatementLine(line, companyID: companyID, currencies: currencies, using: statementLine)
            }

            try OrderLineRows.replace(snapshot.orderLines, companyID: companyID, in: db)

            changes.sort { $0.moveID < $1.moveID }
            for change in changes {
                try db.execute(sql: """
                    INSERT INTO move_change (run_id, company_id, move_odoo_id, move_name, change, previous_hash, current_hash, written_at, written_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [runID, companyID, change.moveID, change.moveName, change.kind.rawValue, change.previousHash,
                                     change.currentHash, change.writtenAt?.description, change.writtenBy])
            }
            if let cursor = result.cursor {
                try db.execute(sql: "UPDATE company SET pull_cursor = MAX(COALESCE(pull_cursor, ''), ?) WHERE id = ?",
                               arguments: [cursor.description, companyID])
            }
            let storedCounts = try Self.counts(companyID: companyID, in: db)
            let cursor = try String.fetchOne(db, sql: "SELECT pull_cursor FROM company WHERE id = ?", arguments: [companyID])
                .flatMap { Timestamp(odoo: $0) }
            try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "ledger.pulled",
                targets: [AuditTarget(model: "res.company", id: String(snapshot.company.id), name: snapshot.company.name)]
                    + changes.map { AuditTarget(model: "account.move", id: String($0.moveID), name: $0.moveName) },
                payload: AuditPayload([
                    "source": sourceKey.text, "window": window.description, "incremental": String(incremental),
                    "moves": String(snapshot.moves.count), "lines": String(snapshot.lines.count),
                    "statement_lines": String(snapshot.statementLines.count), "order_lines": String(snapshot.orderLines.count),
                    "changed_posted_moves": String(changes.count),
                ]), outcome: changes.isEmpty ? "ok" : "changes-detected"), at: Date(), in: db)
            return PullOutcome(runID: runID, incremental: incremental, received: snapshot.counts, stored: storedCounts,
                               changes: changes, cursor: cursor)
        }
    }

    /// The cursor to continue an incremental pull from, or nil when this source was never pulled
    /// over a window covering `window` (then the pull must be complete).
    public func pullCursor(sourceKey: SourceKey, covering window: DateRange) throws -> Timestamp? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT pull_cursor, window_first, window_last FROM company WHERE source_key = ?",
                                             arguments: [sourceKey]),
                  let first = (row["window_first"] as String?).flatMap({ LocalDate(iso: $0) }),
                  let last = (row["window_last"] as String?).flatMap({ LocalDate(iso: $0) }),
                  first <= window.first, last >= window.last else { return nil }
            return (row["pull_cursor"] as String?).flatMap { Timestamp(odoo: $0) }
        }
    }

    static func upsertCompany(_ company: Company, sourceKey: SourceKey, window: DateRange, in db: Database) throws -> Int64 {
        let locks = company.lockDates
        try db.execute(sql: """
            INSERT INTO company (source_key, odoo_id, name, currency_id, currency_code, currency_scale, fiscal_year_end_month,
                fiscal_year_end_day, lock_fiscal_year, lock_tax, lock_sale, lock_purchase, lock_hard, lock_period, window_first, window_last, date_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(source_key) DO UPDATE SET odoo_id = excluded.odoo_id, name = excluded.name, currency_id = excluded.currency_id,
                currency_code = excluded.currency_code, currency_scale = excluded.currency_scale,
                fiscal_year_end_month = excluded.fiscal_year_end_month, fiscal_year_end_day = excluded.fiscal_year_end_day,
                lock_fiscal_year = excluded.lock_fiscal_year, lock_tax = excluded.lock_tax, lock_sale = excluded.lock_sale,
                lock_purchase = excluded.lock_purchase, lock_hard = excluded.lock_hard, lock_period = excluded.lock_period,
                date_order = excluded.date_order, window_first = MIN(COALESCE(company.window_first, excluded.window_first), excluded.window_first),
                window_last = MAX(COALESCE(company.window_last, excluded.window_last), excluded.window_last)
            """, arguments: [sourceKey, company.id, company.name, company.currency.id, company.currency.code.description,
                             company.currency.decimalPlaces, company.fiscalYearEndMonth, company.fiscalYearEndDay,
                             locks.fiscalYear?.description, locks.tax?.description, locks.sale?.description,
                             locks.purchase?.description, locks.hard?.description, locks.period?.description,
                             window.first.description, window.last.description, company.dateOrder?.rawValue])
        return try Int64.fetchOne(db, sql: "SELECT id FROM company WHERE source_key = ?", arguments: [sourceKey])!
    }

    static func counts(companyID: Int64, in db: Database) throws -> LedgerCounts {
        func count(_ table: String) throws -> Int {
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE company_id = ?", arguments: [companyID]) ?? 0
        }
        return LedgerCounts(accounts: try count("account"), journals: try count("journal"), partners: try count("partner"),
                            moves: try count("move"), lines: try count("move_line"), statementLines: try count("statement_line"))
    }
}
