import Ledger
import OdooLedger
import OdooRPC

/// Bank statement lines. Odoo creates (and posts) a statement line's own move; given `line_ids`, it
/// uses those lines instead of liquidity + suspense, so the snapshot's counterparts are kept as is.
/// The move is then renamed to the snapshot's name (Odoo always numbers it itself at creation).
extension LedgerImportRun {
    mutating func importStatementLines() async throws {
        var renames: [(odooID: Int, move: Move)] = []
        var pending: [StatementLine] = []
        for line in snapshot.statementLines {
            if let id = xids.id("statement_line", line.id, model: "account.bank.statement.line") {
                report.map("account.bank.statement.line", line.id, to: id)
                report.count("account.bank.statement.line", created: false)
            } else if journal(line.journalID) == nil {
                report.warn("Statement line \(line.paymentRef ?? "") (snapshot id \(line.id), \(line.date)) is not imported: its journal is not in Odoo.")
            } else {
                pending.append(line)
            }
        }
        for chunk in Self.chunks(pending, size: batchSize) {
            var created: [(snapshotID: Int, odooID: Int)] = []
            do {
                let ids = try await client.create("account.bank.statement.line", chunk.map(statementValues), context: Self.keepLines)
                created = zip(chunk, ids).map { (snapshotID: $0.id, odooID: $1) }
            } catch let error as OdooError where !error.isTransient {
                for line in chunk {
                    do {
                        let id = try await client.create("account.bank.statement.line", [statementValues(line)], context: Self.keepLines)[0]
                        created.append((line.id, id))
                    } catch let error as OdooError where !error.isTransient {
                        report.warn("Odoo refused statement line '\(line.paymentRef ?? "")' (snapshot id \(line.id), \(line.date), "
                                    + "\(line.amount)): \(OdooErrorText.oneLine(error))")
                    }
                }
            }
            for pair in created { report.map("account.bank.statement.line", pair.snapshotID, to: pair.odooID) }
            report.count("account.bank.statement.line", created: true, by: created.count)
            try await xids.register("statement_line", model: "account.bank.statement.line", created)
            renames += try await adoptMoves(of: created, new: true)
        }
        // Moves of statement lines found by external id on a re-run.
        let known = snapshot.statementLines.filter { report.odooID("account.move", $0.moveID) == nil }
            .compactMap { line in report.odooID("account.bank.statement.line", line.id).map { (snapshotID: line.id, odooID: $0) } }
        renames += try await adoptMoves(of: known, new: false)
        try await rename(renames)
    }

    func statementValues(_ line: StatementLine) -> RPCStruct {
        let move = movesByID[line.moveID]
        var values: RPCStruct = [
            "journal_id": OdooWireValue.id(journal(line.journalID)), "date": OdooWireValue.date(line.date),
            "payment_ref": .string(line.paymentRef ?? ""), "partner_id": OdooWireValue.id(partner(line.partnerID)),
            "partner_name": OdooWireValue.text(line.partnerName), "account_number": OdooWireValue.text(line.accountNumber),
            "amount": OdooWireValue.amount(line.amount),
        ]
        if let foreign = line.foreignAmount, let currency = odooCurrency(code: foreign.currency) {
            values["foreign_currency_id"] = RPCValue(currency)
            values["amount_currency"] = OdooWireValue.amount(foreign)
        }
        if let move {
            values["ref"] = OdooWireValue.text(move.ref)
            let lines = linesByMove[move.id] ?? []
            if !lines.isEmpty && lines.allSatisfy({ account($0.accountID) != nil }) {
                values["line_ids"] = .array(lines.map { .array([0, 0, .structure(lineValues($0, of: move))]) })
            }
        }
        return values
    }

    func odooCurrency(code: CurrencyCode) -> Int? {
        snapshot.currencies.first { $0.code == code }.flatMap { currency($0.id) }
    }

    /// Maps each statement line's move and registers it; returns the moves whose Odoo number differs
    /// from the snapshot's name.
    mutating func adoptMoves(of lines: [(snapshotID: Int, odooID: Int)], new: Bool) async throws -> [(odooID: Int, move: Move)] {
        guard !lines.isEmpty else { return [] }
        let rows = try await client.read("account.bank.statement.line", ids: lines.map(\.odooID), fields: ["move_id"])
        let moveOf = Dictionary(rows.compactMap { row in row["id"]?.int.flatMap { id in row["move_id"]?.many2one.map { (id, $0) } } },
                                uniquingKeysWith: { a, _ in a })
        var pairs: [(snapshotID: Int, odooID: Int)] = []
        var renames: [(odooID: Int, move: Move)] = []
        for line in lines {
            guard let statement = statementLinesByID[line.snapshotID],
                  let odooMove = moveOf[line.odooID] else { continue }
            report.map("account.move", statement.moveID, to: odooMove.id)
            pairs.append((statement.moveID, odooMove.id))
            guard let move = movesByID[statement.moveID],
                  move.name != "/", !move.name.isEmpty, move.name != odooMove.name else { continue }
            renames.append((odooMove.id, move))
        }
        report.count("account.move", created: new, by: pairs.count)
        try await xids.register("move", model: "account.move", pairs)
        return renames
    }

    /// Gives statement moves the snapshot's names. Odoo numbered them in creation order, so the names
    /// are a permutation of each other: park every one on a temporary name first, then rename, so no
    /// rename ever collides with a number Odoo handed out.
    mutating func rename(_ renames: [(odooID: Int, move: Move)]) async throws {
        for entry in renames {
            try await client.write("account.move", ids: [entry.odooID], ["name": .string("CLOSER-TMP/\(entry.odooID)")], context: Self.keepLines)
        }
        for entry in renames {
            do {
                try await client.write("account.move", ids: [entry.odooID], ["name": .string(entry.move.name)], context: Self.keepLines)
            } catch let error as OdooError where !error.isTransient {
                report.warn("Odoo refused to name the statement entry \(entry.move.name) (snapshot move \(entry.move.id)); "
                            + "it is called CLOSER-TMP/\(entry.odooID) in Odoo: \(OdooErrorText.oneLine(error))")
            }
        }
    }
}
