public import OdooRPC

/// Writes approved bank matches to Odoo 18 (Community or Enterprise) through the External API.
///
/// Per match, in order: read the statement line, its entry and the open items; decide (refusing
/// before any write what cannot be applied); rewrite the statement line's entry so its suspense item
/// becomes the counterpart items and the write-off, in one `account.move.write` with Odoo's
/// `skip_readonly_check` context (what Odoo's own statement-line synchronisation does); reconcile
/// each counterpart with its open item (`account.move.line.reconcile`); read back what Odoo shows.
///
/// Idempotent by state, not by memory: a statement line without a suspense item is matched already,
/// so a retry or a second run writes nothing (and finishes only the reconciliations an interrupted
/// run left undone). Matches are applied one after another, so several statement lines can settle
/// the same invoice.
public struct OdooBankReconciler: Sendable {
    public let client: OdooClient
    /// Called before the first write of each match (e.g. to write the audit event first); throwing
    /// stops that match before anything is written.
    public var willWrite: (@Sendable (BankReconciliation) async throws -> Void)?

    public init(client: OdooClient, willWrite: (@Sendable (BankReconciliation) async throws -> Void)? = nil) {
        self.client = client
        self.willWrite = willWrite
    }

    public func apply(_ items: [BankReconciliation]) async -> [BankReconciliationOutcome] {
        var reader = BankReconciliationReader(client: client)
        var outcomes: [BankReconciliationOutcome] = []
        for item in items { outcomes.append(await apply(item, reader: &reader)) }
        return outcomes
    }

    func apply(_ item: BankReconciliation, reader: inout BankReconciliationReader) async -> BankReconciliationOutcome {
        let facts: BankReconciliationFacts
        do {
            guard let read = try await reader.facts(for: item) else {
                return failure(item, "Statement line \(item.statementLineID) no longer exists in Odoo: pull again and re-propose the match.")
            }
            facts = read
        } catch {
            return failure(item, "Could not read statement line \(item.statementLineID) and its open items from Odoo, so nothing was written: "
                           + "\(OdooErrorText.sentence(error)) Run the match again.")
        }
        let decision = BankReconciliationPlanner.decide(item, facts: facts)
        let plan: BankReconciliationPlan
        switch decision {
        case .refuse(let reason): return failure(item, reason)
        case .alreadyReconciled: return await readBack(item, facts: facts, reader: &reader, applied: nil)
        case .apply(let fresh): plan = fresh
        case .finish(let rest): plan = rest
        }
        if let willWrite {
            do { try await willWrite(item) } catch {
                return failure(item, "Nothing was written for statement line \(facts.statementLine.label): \(OdooErrorText.sentence(error))")
            }
        }
        let written: [Int]
        do {
            written = try await execute(plan, facts: facts)
        } catch let error as BankReconciliationWriteError {
            return failure(item, error.reason, wrote: error.wroteToOdoo)
        } catch {
            return failure(item, "\(OdooErrorText.sentence(error))", wrote: true)
        }
        return await readBack(item, facts: facts, reader: &reader, applied: written)
    }

    func failure(_ item: BankReconciliation, _ reason: String, wrote: Bool = false) -> BankReconciliationOutcome {
        .failed(BankReconciliationFailure(idempotencyKey: item.idempotencyKey, statementLineID: item.statementLineID,
                                          reason: reason, wroteToOdoo: wrote))
    }

    /// What Odoo shows now. `applied` is nil when nothing was written (already matched).
    func readBack(_ item: BankReconciliation, facts: BankReconciliationFacts, reader: inout BankReconciliationReader,
                  applied: [Int]?) async -> BankReconciliationOutcome {
        do {
            guard let line = try await reader.statementLines([item.statementLineID]).first else {
                return failure(item, "Statement line \(item.statementLineID) disappeared from Odoo while it was matched: check it in Odoo.",
                               wrote: applied != nil)
            }
            let openItems = try await reader.journalItems(item.openItemLineIDs)
            let counterparts = line.otherLines
            let numbers = Set(counterparts.compactMap(\.matchingNumber))
            let state = BankReconciliationState(
                idempotencyKey: item.idempotencyKey, statementLineID: item.statementLineID, isReconciled: line.isReconciled,
                statementResidual: line.residual,
                openItems: openItems.map {
                    OpenItemBalance(lineID: $0.id, moveName: $0.moveName, residual: $0.residual, residualInCurrency: $0.residualInCurrency,
                                    reconciled: $0.reconciled, matchingNumber: $0.matchingNumber)
                },
                counterpartLineIDs: counterparts.filter { $0.accountID != item.writeOffAccountID }.map(\.id),
                writeOffLineID: item.writeOffAccountID.flatMap { account in counterparts.first { $0.accountID == account }?.id },
                byThisProposal: item.openItemLineIDs.isEmpty
                    // A booking without open items: the entry carries exactly the approved account, no other counterpart.
                    ? !counterparts.isEmpty && counterparts.allSatisfy { $0.accountID == item.writeOffAccountID }
                    : openItems.count == item.openItemLineIDs.count && openItems.allSatisfy { $0.matchingNumber.map(numbers.contains) ?? false })
            return applied == nil ? .alreadyReconciled(state) : .applied(state)
        } catch {
            let done = applied == nil ? "It was matched already" : "The match was written"
            return failure(item, "\(done), but reading statement line \(item.statementLineID) back from Odoo failed: \(OdooErrorText.sentence(error)) "
                           + "Run the match again to see its state; nothing will be written twice.", wrote: applied != nil)
        }
    }
}
