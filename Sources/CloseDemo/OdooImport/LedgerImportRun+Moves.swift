import Ledger
import OdooLedger
import OdooRPC

/// Journal entries, invoices and bills, created as drafts with exactly the snapshot's lines.
extension LedgerImportRun {
    mutating func importMoves() async throws {
        var pending: [Move] = []
        for move in snapshot.moves where !statementMoveIDs.contains(move.id) {
            if let id = xids.id("move", move.id, model: "account.move") {
                report.map("account.move", move.id, to: id)
                report.count("account.move", created: false)
            } else if let reason = unmappable(move) {
                report.warn("Move \(move.name) (snapshot id \(move.id)) is not imported: \(reason).")
            } else {
                pending.append(move)
            }
        }
        var done = report.idMap["account.move"]?.count ?? 0
        progress?("account.move", done)
        for chunk in Self.chunks(pending, size: batchSize) {
            let created = try await create(Array(chunk))
            try await xids.register("move", model: "account.move", created.map { (snapshotID: $0.key, odooID: $0.value) }.sorted { $0.0 < $1.0 })
            done += chunk.count
            progress?("account.move", done)
        }
    }

    /// One create call per batch; if Odoo refuses the batch, each move alone, so that only the
    /// refused ones are skipped and each is named in a warning.
    mutating func create(_ moves: [Move]) async throws -> [Int: Int] {
        var created: [Int: Int] = [:]
        do {
            let ids = try await client.create("account.move", moves.map(moveValues), context: Self.keepLines)
            guard ids.count == moves.count else { throw OdooLedgerImportError("Odoo returned \(ids.count) ids for \(moves.count) moves.") }
            for (move, id) in zip(moves, ids) { created[move.id] = id }
        } catch let error as OdooError where !error.isTransient && moves.count > 1 {
            for move in moves {
                do {
                    if let id = try await client.create("account.move", [moveValues(move)], context: Self.keepLines).first { created[move.id] = id }
                } catch let error as OdooError where !error.isTransient {
                    report.warn("Odoo refused to create move \(move.name) (snapshot id \(move.id), \(move.date)): \(OdooErrorText.oneLine(error))")
                }
            }
        } catch let error as OdooError where !error.isTransient {
            report.warn("Odoo refused to create move \(moves[0].name) (snapshot id \(moves[0].id), \(moves[0].date)): \(OdooErrorText.oneLine(error))")
        }
        for (snapshotID, id) in created { report.map("account.move", snapshotID, to: id) }
        report.count("account.move", created: true, by: created.count)
        return created
    }

    func unmappable(_ move: Move) -> String? {
        if journal(move.journalID) == nil { return "its journal (snapshot id \(move.journalID)) is not in Odoo" }
        if currency(move.currencyID) == nil { return "its currency (snapshot id \(move.currencyID)) is not in Odoo" }
        for line in linesByMove[move.id] ?? [] where account(line.accountID) == nil {
            return "line \(line.id) uses account snapshot id \(line.accountID), which is not in Odoo"
        }
        return nil
    }

    func moveValues(_ move: Move) -> RPCStruct {
        var values: RPCStruct = [
            "move_type": .string(move.type.rawValue), "journal_id": OdooWireValue.id(journal(move.journalID)),
            "date": OdooWireValue.date(move.date), "partner_id": OdooWireValue.id(partner(move.partnerID)),
            "ref": OdooWireValue.text(move.ref), "currency_id": OdooWireValue.id(currency(move.currencyID)),
        ]
        if move.type.isInvoice {
            values["invoice_date"] = OdooWireValue.date(move.invoiceDate)
            if let due = move.dueDate { values["invoice_date_due"] = OdooWireValue.date(due) }
        }
        // Odoo keeps a given name on a draft and checks it (unique per journal, matching the date) at posting.
        if !move.name.isEmpty && move.name != "/" { values["name"] = .string(move.name) }
        values["line_ids"] = .array((linesByMove[move.id] ?? []).map { .array([0, 0, .structure(lineValues($0, of: move))]) })
        return values
    }

    func lineValues(_ line: JournalLine, of move: Move) -> RPCStruct {
        var values: RPCStruct = [
            "account_id": OdooWireValue.id(account(line.accountID)), "partner_id": OdooWireValue.id(partner(line.partnerID)),
            "name": .string(line.label), "debit": OdooWireValue.amount(line.debit), "credit": OdooWireValue.amount(line.credit),
            "amount_currency": OdooWireValue.amount(line.amountCurrency), "currency_id": OdooWireValue.id(currency(line.currencyID)),
        ]
        if let analytic = line.analytic { values["analytic_distribution"] = OdooWireValue.analytic(analytic, map: analyticAccount) }
        let taxes = line.taxIDs.compactMap(tax)
        if !taxes.isEmpty { values["tax_ids"] = [[6, 0, RPCValue(taxes)]] }
        if let kind = line.kind { values["display_type"] = .string(kind.rawValue) }
        if line.kind == .paymentTerm, let due = move.dueDate { values["date_maturity"] = OdooWireValue.date(due) }
        return values
    }

    /// Maps snapshot line ids onto Odoo line ids: Odoo creates a move's lines in the order sent, so
    /// the n-th line by id is the n-th snapshot line. A move whose line count differs is reported.
    mutating func mapLines() async throws {
        let moveMap = report.idMap["account.move"] ?? [:]
        let reverse = Dictionary(moveMap.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for chunk in Self.chunks(moveMap.values.sorted(), size: 1000) {
            let rows = try await client.searchRead("account.move.line", domain: [["move_id", "in", RPCValue(Array(chunk))]], fields: ["move_id"])
            let byMove = Dictionary(grouping: rows.compactMap { row -> (Int, Int)? in
                guard let id = row["id"]?.int, let move = row["move_id"]?.many2one?.id else { return nil }
                return (move, id)
            }, by: \.0).mapValues { $0.map(\.1).sorted() }
            for odooMove in chunk {
                guard let snapshotMove = reverse[odooMove] else { continue }
                let wanted = linesByMove[snapshotMove] ?? []
                let got = byMove[odooMove] ?? []
                guard wanted.count == got.count else {
                    let name = movesByID[snapshotMove]?.name ?? "?"
                    report.warn("Move \(name) (snapshot id \(snapshotMove)) has \(got.count) lines in Odoo instead of \(wanted.count): "
                                + "its lines are not mapped and not reconciled.")
                    continue
                }
                for (line, id) in zip(wanted, got) { report.map("account.move.line", line.id, to: id) }
            }
        }
    }
}
