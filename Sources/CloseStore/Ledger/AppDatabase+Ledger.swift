import Foundation
public import Ledger

extension AppDatabase {
    /// Swaps a streamed pull into the store, in one transaction with its audit event: reference data is replaced,
    /// the staged moves and statement lines are upserted (each move's lines replaced by the staged ones), moves that
    /// vanished from the window are removed. Posted entries whose fingerprint differs from the stored one, or that
    /// vanished, are returned (and kept in `move_change`) as changes. `result` is what the source returned besides
    /// what it streamed into `staging`; the staging is dropped with the transaction.
    public func finishPull(_ staging: PullStaging, result: PullResult, sourceKey: SourceKey, window: DateRange, incremental: Bool,
                           runID: Int64, actor: String) throws -> PullOutcome {
        let tables = staging.tables
        let received = staging.received
        return try writer.write { db in
            let snapshot = result.snapshot
            let companyID = try Self.upsertCompany(snapshot.company, sourceKey: sourceKey, window: window, in: db)
            try LedgerRows.insertReferenceData(snapshot, companyID: companyID, in: db)
            let currencies = CurrencyTable(snapshot.currencies)
            let inWindow: StoreArguments = [companyID, window.first.description, window.last.description]

            try db.prepare(sql: "INSERT OR IGNORE INTO \(tables.present) VALUES (?)").execute(batch: result.moveIDsInWindow.map { [$0] })
            let vanished = try StoreRow.fetchAll(db, sql: """
                SELECT odoo_id, content_hash, state, name FROM move WHERE company_id = ? AND date BETWEEN ? AND ?
                AND odoo_id NOT IN (SELECT odoo_id FROM \(tables.present)) ORDER BY odoo_id
                """, arguments: inWindow)

            var changes = try Self.upsertStagedMoves(tables, companyID: companyID, window: window, home: snapshot.company.currency,
                                                     currencies: currencies, in: db)
            let staged = "SELECT odoo_id FROM \(tables.moves)"
            let lineColumns = try Self.columnsTakingCompany(of: "move_line", in: db)
            try db.execute(sql: "DELETE FROM move_line WHERE company_id = ? AND move_id IN (\(staged))", arguments: [companyID])
            try db.execute(sql: """
                \(db.dialect.insertReplacing) INTO move_line (\(lineColumns.names)) SELECT \(lineColumns.values) FROM \(tables.lines)
                WHERE move_id IN (\(staged))
                """, arguments: [companyID])

            for row in vanished {
                let (id, hash, state, name): (Int, String, String, String) = (row[0], row[1], row[2], row[3])
                if state == MoveState.posted.rawValue {
                    changes.append(MoveChange(kind: .deleted, moveID: id, moveName: name, previousHash: hash))
                }
                try db.execute(sql: "DELETE FROM move WHERE company_id = ? AND odoo_id = ?", arguments: [companyID, id])
            }

            let statementColumns = try Self.columnsTakingCompany(of: "statement_line", in: db)
            try db.execute(sql: "DELETE FROM statement_line WHERE company_id = ? AND odoo_id IN (SELECT odoo_id FROM \(tables.statementLines))",
                           arguments: [companyID])
            try db.execute(sql: "\(db.dialect.insertReplacing) INTO statement_line (\(statementColumns.names)) SELECT \(statementColumns.values) FROM \(tables.statementLines)",
                           arguments: [companyID])

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
                try db.execute(sql: "UPDATE company SET pull_cursor = \(db.dialect.greater("COALESCE(pull_cursor, '')", "CAST(? AS TEXT)")) WHERE id = ?",
                               arguments: [cursor.description, companyID])
            }
            for table in tables.all { try db.execute(sql: "DROP TABLE \(table)") }
            let storedCounts = try Self.counts(companyID: companyID, in: db)
            let cursor = try String.fetchOne(db, sql: "SELECT pull_cursor FROM company WHERE id = ?", arguments: [companyID])
                .flatMap { Timestamp(odoo: $0) }
            let counts = LedgerCounts(accounts: snapshot.accounts.count, journals: snapshot.journals.count, partners: snapshot.partners.count,
                                      moves: received.moves, lines: received.lines, statementLines: received.statementLines)
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "ledger.pulled",
                targets: [AuditTarget(model: "res.company", id: String(snapshot.company.id), name: snapshot.company.name)]
                    + changes.map { AuditTarget(model: "account.move", id: String($0.moveID), name: $0.moveName) },
                payload: AuditPayload([
                    "source": sourceKey.text, "window": window.description, "incremental": String(incremental),
                    "moves": String(counts.moves), "lines": String(counts.lines),
                    "statement_lines": String(counts.statementLines), "order_lines": String(snapshot.orderLines.count),
                    "changed_posted_moves": String(changes.count),
                ]), outcome: changes.isEmpty ? "ok" : "changes-detected"), at: Date(), in: db)
            return PullOutcome(runID: runID, incremental: incremental, received: counts, stored: storedCounts,
                               changes: changes, cursor: cursor)
        }
    }

    /// Stores a pull held whole in memory, staged and swapped in as a streamed one is.
    public func savePull(_ result: PullResult, sourceKey: SourceKey, window: DateRange, incremental: Bool,
                         runID: Int64, actor: String) throws -> PullOutcome {
        let staging = try stagePull()
        do {
            staging.receive(currencies: result.snapshot.currencies)
            try staging.receive(moves: result.snapshot.moves)
            try staging.receive(lines: result.snapshot.lines)
            try staging.receive(statementLines: result.snapshot.statementLines)
            return try finishPull(staging, result: result, sourceKey: sourceKey, window: window, incremental: incremental, runID: runID, actor: actor)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Upserts the staged moves with their fingerprints (each move read with its staged lines, both in id order, a thousand
    /// moves at a time) and returns the posted ones whose fingerprint differs from the one stored for the window.
    private static func upsertStagedMoves(_ tables: PullStaging.Tables, companyID: Int64, window: DateRange, home: Currency,
                                          currencies: CurrencyTable, in db: any StoreSession) throws -> [MoveChange] {
        let upsert = try db.prepare(sql: LedgerRows.insertSQL(into: "move", columns: 23, replacing: true, dialect: db.dialect))
        let moves = try StoreRow.fetchCursor(db, sql: "SELECT * FROM \(tables.moves) ORDER BY odoo_id")
        let lines = try StoreRow.fetchCursor(db, sql: "SELECT * FROM \(tables.lines) ORDER BY move_id, odoo_id")
        var pendingLine = try lines.next().map { LedgerRows.line(from: $0, home: home, currencies: currencies) }
        var changes: [MoveChange] = []
        var chunk: [(move: Move, hash: String)] = []
        // A chunk's stored fingerprints are read in one query and its rows written in one batch: on PostgreSQL a round trip
        // per thousand moves, not three per move.
        func store() throws {
            guard let first = chunk.first?.move.id, let last = chunk.last?.move.id else { return }
            let range: StoreArguments = [companyID, first, last]
            var posted: [Int: String] = [:]
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT odoo_id, content_hash FROM move WHERE company_id = ? AND odoo_id BETWEEN ? AND ? AND date BETWEEN ? AND ? AND state = ?
                """, arguments: range + [window.first.description, window.last.description, MoveState.posted.rawValue]) {
                posted[row["odoo_id"]] = row["content_hash"]
            }
            for (move, hash) in chunk {
                guard let previous = posted[move.id], previous != hash else { continue }
                changes.append(MoveChange(kind: .changed, moveID: move.id, moveName: move.name, previousHash: previous,
                                          currentHash: hash, writtenAt: move.audit.writtenAt, writtenBy: move.audit.writtenBy?.name))
            }
            if db.dialect == .postgres {
                try db.execute(sql: "DELETE FROM move WHERE company_id = ? AND odoo_id BETWEEN ? AND ? AND odoo_id IN (SELECT odoo_id FROM \(tables.moves))",
                               arguments: range)
            }
            try upsert.execute(batch: chunk.map { LedgerRows.moveRow($0.move, hash: $0.hash, companyID: companyID) })
            chunk.removeAll(keepingCapacity: true)
        }
        while let row = try moves.next() {
            let move = LedgerRows.move(from: row, home: home, currencies: currencies)
            var moveLines: [JournalLine] = []
            // Lines of moves that were not pulled are skipped: they are stored with their move or not at all.
            while let line = pendingLine, line.moveID <= move.id {
                if line.moveID == move.id { moveLines.append(line) }
                pendingLine = try lines.next().map { LedgerRows.line(from: $0, home: home, currencies: currencies) }
            }
            chunk.append((move, MoveFingerprint.of(move, lines: moveLines)))
            if chunk.count == 1_000 { try store() }
        }
        try store()
        return changes
    }

    /// A table's columns, and the select list that fills them from a staging copy with the company id as the first argument.
    private static func columnsTakingCompany(of table: String, in db: any StoreSession) throws -> (names: String, values: String) {
        let names = try db.columnNames(of: table)
        return (names.joined(separator: ", "), names.map { $0 == "company_id" ? "?" : $0 }.joined(separator: ", "))
    }

    /// The cursor to continue an incremental pull from, or nil when this source was never pulled
    /// over a window covering `window` (then the pull must be complete).
    public func pullCursor(sourceKey: SourceKey, covering window: DateRange) throws -> Timestamp? {
        try writer.read { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT pull_cursor, window_first, window_last FROM company WHERE source_key = ?",
                                             arguments: [sourceKey]),
                  let first = (row["window_first"] as String?).flatMap({ LocalDate(iso: $0) }),
                  let last = (row["window_last"] as String?).flatMap({ LocalDate(iso: $0) }),
                  first <= window.first, last >= window.last else { return nil }
            return (row["pull_cursor"] as String?).flatMap { Timestamp(odoo: $0) }
        }
    }

    static func upsertCompany(_ company: Company, sourceKey: SourceKey, window: DateRange, in db: any StoreSession) throws -> Int64 {
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
                date_order = excluded.date_order, window_first = \(db.dialect.lesser("COALESCE(company.window_first, excluded.window_first)", "excluded.window_first")),
                window_last = \(db.dialect.greater("COALESCE(company.window_last, excluded.window_last)", "excluded.window_last"))
            """, arguments: [sourceKey, company.id, company.name, company.currency.id, company.currency.code.description,
                             company.currency.decimalPlaces, company.fiscalYearEndMonth, company.fiscalYearEndDay,
                             locks.fiscalYear?.description, locks.tax?.description, locks.sale?.description,
                             locks.purchase?.description, locks.hard?.description, locks.period?.description,
                             window.first.description, window.last.description, company.dateOrder?.rawValue])
        return try Int64.fetchOne(db, sql: "SELECT id FROM company WHERE source_key = ?", arguments: [sourceKey])!
    }

    static func counts(companyID: Int64, in db: any StoreSession) throws -> LedgerCounts {
        func count(_ table: String) throws -> Int {
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE company_id = ?", arguments: [companyID]) ?? 0
        }
        return LedgerCounts(accounts: try count("account"), journals: try count("journal"), partners: try count("partner"),
                            moves: try count("move"), lines: try count("move_line"), statementLines: try count("statement_line"))
    }
}
