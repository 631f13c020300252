import OdooRPC
import Ledger

/// Why a match stopped while being written, and whether any of it reached Odoo.
struct BankReconciliationWriteError: Error {
    var reason: String
    var wroteToOdoo: Bool
}

extension OdooBankReconciler {
    /// Odoo's statement-line synchronisation writes a posted statement entry's items with this context
    /// (account_bank_statement_line.py, `_synchronize_to_moves`); without it Odoo refuses any change to
    /// `line_ids` of a posted entry. Lock dates, balance and reconciliation checks still apply.
    static let rewriteContext: RPCStruct = ["skip_readonly_check": true]

    /// Carries out the plan; returns the journal items it created or rewrote. Throws
    /// `BankReconciliationWriteError` saying what was and was not written.
    func execute(_ plan: BankReconciliationPlan, facts: BankReconciliationFacts) async throws -> [Int] {
        var resolved: [[Int]] = []
        var done: [String] = []
        for rewrite in plan.rewrites {
            do {
                try await client.write("account.move", ids: [rewrite.moveID], ["line_ids": Self.commands(rewrite)], context: Self.rewriteContext)
            } catch {
                throw BankReconciliationWriteError(
                    reason: Self.stopped(done, "Rewriting entry \(rewrite.moveName) of statement line \(rewrite.statementLineID) failed: "
                                         + "\(OdooErrorText.sentence(error))", error: error),
                    wroteToOdoo: !done.isEmpty || !(error as? OdooError).isDefinitelyRefusedByOdoo)
            }
            done.append("rewrote entry \(rewrite.moveName)")
            do {
                resolved.append(try await lineIDs(of: rewrite, known: facts))
            } catch {
                throw BankReconciliationWriteError(
                    reason: Self.stopped(done, "Could not read entry \(rewrite.moveName) back: \(OdooErrorText.sentence(error))"), wroteToOdoo: true)
            }
        }
        for group in plan.reconcileGroups {
            let ids = group.map { ref -> Int in
                switch ref {
                case .existing(let id): id
                case .planned(let rewrite, let line): resolved[rewrite][line]
                }
            }
            do {
                try await client.callReturningNothing("account.move.line", "reconcile", [RPCValue(ids)])
            } catch {
                throw BankReconciliationWriteError(
                    reason: Self.stopped(done, "Reconciling journal items \(ids.map(String.init).joined(separator: ", ")) failed: "
                                         + "\(OdooErrorText.sentence(error))", error: error),
                    wroteToOdoo: !done.isEmpty || !(error as? OdooError).isDefinitelyRefusedByOdoo)
            }
            done.append("reconciled journal items \(ids.map(String.init).joined(separator: ", "))")
        }
        return resolved.flatMap { $0 }
    }

    /// A failure sentence that says what was already written and what to do.
    static func stopped(_ done: [String], _ failure: String, error: (any Error)? = nil) -> String {
        if let error, !(error as? OdooError).isDefinitelyRefusedByOdoo {
            return failure + " Odoo may or may not have applied it" + (done.isEmpty ? "" : " (Closer had already " + done.joined(separator: ", ") + ")")
                + ": run the same match again; Closer reads what Odoo shows and applies only what is missing."
        }
        guard !done.isEmpty else { return failure + " Nothing was written; correct the cause and run the match again." }
        return failure + " Closer had already " + done.joined(separator: ", ")
            + ". Run the same match again to finish it (nothing is applied twice), or revert it "
            + "(account.bank.statement.line action_undo_reconciliation; Revert reconciliation in Odoo Enterprise)."
    }

    /// `[1, suspense, values]` turns the suspense item into the first line; `[0, 0, values]` adds the others.
    static func commands(_ rewrite: StatementRewrite) -> RPCValue {
        .array(rewrite.lines.enumerated().map { index, line in
            index == 0 ? [1, RPCValue(rewrite.suspenseLineID), .structure(values(line))] : [0, 0, .structure(values(line))]
        })
    }

    static func values(_ line: PlannedLine) -> RPCStruct {
        ["account_id": RPCValue(line.accountID), "partner_id": OdooWireValue.id(line.partnerID), "currency_id": RPCValue(line.currencyID),
         "amount_currency": OdooWireValue.amount(line.amountCurrency), "balance": OdooWireValue.amount(line.balance),
         "name": .string(line.label)]
    }

    /// The ids of a rewrite's lines in plan order: the suspense item keeps its id; Odoo creates the
    /// added items in command order, so the new ids, ascending, follow the plan (checked by account
    /// and amount).
    func lineIDs(of rewrite: StatementRewrite, known facts: BankReconciliationFacts) async throws -> [Int] {
        let before = Set((facts.statementLine.id == rewrite.statementLineID ? facts.statementLine.lines
                          : facts.transferStatementLines[rewrite.statementLineID]?.lines ?? []).map(\.id))
        let move = try await client.read("account.move", ids: [rewrite.moveID], fields: ["line_ids"])
        let current = OdooRecord(model: "account.move", values: move.first ?? [:]).ids("line_ids")
        let added = current.filter { !before.contains($0) }.sorted()
        guard added.count == rewrite.lines.count - 1 else {
            throw OdooError.malformedResponse("entry \(rewrite.moveName) has \(added.count) new items, expected \(rewrite.lines.count - 1)")
        }
        if !added.isEmpty {
            let rows = try await client.read("account.move.line", ids: added, fields: ["account_id", "amount_currency"])
            let byID = Dictionary(rows.compactMap { row in row["id"]?.int.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
            for (id, line) in zip(added, rewrite.lines.dropFirst()) {
                let row = byID[id]
                guard row?["account_id"]?.many2one?.id == line.accountID,
                      row?["amount_currency"]?.numberValue?.minorUnits(scale: line.amountCurrency.scale) == line.amountCurrency.minorUnits else {
                    throw OdooError.malformedResponse("journal item \(id) of entry \(rewrite.moveName) is not the one Closer added")
                }
            }
        }
        return [rewrite.suspenseLineID] + added
    }
}
