import Adjustments
import CloseStore
@testable import CloseWorkflows
import Governance
import Ledger
import OdooLedger

/// Two approved accruals, each an entry and its reversal: four drafts `closer apply` creates in Odoo.
struct ApprovedAccruals: Sendable {
    let proposals: [StoredAdjustment]

    init(bench: FaultBench) throws {
        let company = bench.odoo.company
        let amounts: [Int64] = [12_345, 67_890]
        let accruals = amounts.enumerated().map { index, cents in
            let amount = company.currency.money(cents)
            return AdjustmentProposal(
                kind: .accrual, company: RecordRef(model: "res.company", id: company.id, name: company.name), period: bench.period,
                subject: "fault-matrix-\(index + 1)",
                entry: ProposedEntry(journalID: company.miscJournal, date: company.date, ref: "Fault matrix accrual \(index + 1)", lines: [
                    ProposedLine(accountID: company.expense, label: "Fault matrix", amount: amount),
                    ProposedLine(accountID: company.accrued, label: "Fault matrix", amount: -amount),
                ], reversalDate: bench.period.next.start),
                calculation: [CalculationStep("fixed test amount", amount: amount)], evidence: [], confidence: 0.9, reason: "fault matrix")
        }
        let run = try bench.store.startRun(kind: "propose", period: bench.period.description, actor: "preparer")
        let stored = try bench.store.saveAdjustmentProposals(accruals, kinds: [.accrual], runID: run, sourceKey: bench.sourceKey,
                                                             period: bench.period, actor: "preparer")
        proposals = try stored.map { proposal in
            try bench.store.decideAdjustment(id: proposal.id, sourceKey: bench.sourceKey, approved: true, actor: "ann", note: nil,
                                             policy: ApprovalPolicy()).proposal
        }
    }

    /// Every tag the accruals write under: each entry's and each reversal's.
    var tags: [(proposal: Int64, key: String)] {
        proposals.flatMap { [($0.id, $0.idempotencyKey), ($0.id, AdjustmentApplyService.reversalKey($0))] }
    }

    /// The live (not cancelled) entries Odoo holds under a tag.
    static func held(_ key: String, bench: FaultBench) async throws -> [OdooTaggedEntry] {
        try await OdooAdjustmentWriter(client: bench.direct).entries(tagged: key).filter { $0.state != .cancelled }
    }

    /// Every entry the store's batches record as created, by Odoo id.
    static func recordedAsCreated(_ bench: FaultBench) -> Set<Int> {
        var created = Set<Int>()
        var id: Int64 = 1
        while let batch = try? bench.store.adjustmentBatch(id, sourceKey: bench.sourceKey) {
            created.formUnion(batch.writes.filter(\.created).map(\.odooMoveID))
            id += 1
        }
        return created
    }

    static func service(_ bench: FaultBench) -> AdjustmentApplyService {
        AdjustmentApplyService(store: bench.store, settings: bench.settings, actor: "ann")
    }
}

/// `closer apply`: each entry and reversal in Odoo exactly once, each recorded by the batch that
/// created it (so `closer rollback` can undo it), each proposal applied in the store.
struct AdjustingEntryCase: WritePathCase {
    let accruals: ApprovedAccruals

    init(bench: FaultBench) async throws { accruals = try ApprovedAccruals(bench: bench) }

    func run(_ bench: FaultBench) async throws {
        _ = try await ApprovedAccruals.service(bench).apply(sourceKey: bench.sourceKey)
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: accruals.tags.count)
        let recorded = ApprovedAccruals.recordedAsCreated(bench)
        for proposal in accruals.proposals {
            var holds = true
            for key in [proposal.idempotencyKey, AdjustmentApplyService.reversalKey(proposal)] {
                let held = try await ApprovedAccruals.held(key, bench: bench)
                audit.expectOnce("the entry tagged \(key)", count: held.count, settled: settled)
                holds = holds && !held.isEmpty
                for entry in held where settled && !recorded.contains(entry.id) {
                    audit.storeMismatches.append("Odoo holds entry \(entry.id) tagged \(key) but no batch records creating it, so no rollback undoes it")
                }
            }
            let status = try bench.store.adjustment(id: proposal.id, sourceKey: bench.sourceKey).status
            audit.expectStore("proposal \(proposal.id)", storeSaysApplied: status == .applied, odooHolds: holds, settled: settled)
        }
        return audit
    }
}

/// `closer rollback` of a batch that wrote both accruals: every entry deleted from Odoo exactly once
/// (a deletion cannot happen twice; one left behind is the loss), the proposals and batch rolled back in the store.
struct AdjustingRollbackCase: WritePathCase {
    let accruals: ApprovedAccruals
    let batchID: Int64

    init(bench: FaultBench) async throws {
        accruals = try ApprovedAccruals(bench: bench)
        let applied = try await ApprovedAccruals.service(bench).apply(sourceKey: bench.sourceKey)
        guard applied.failed == 0, let batch = applied.batchID else { throw FaultMatrixError.seeding("apply before the rollback: \(applied.results.map(\.detail))") }
        batchID = batch
    }

    func run(_ bench: FaultBench) async throws {
        _ = try await ApprovedAccruals.service(bench).rollback(sourceKey: bench.sourceKey, batchID: batchID)
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: accruals.tags.count)
        for proposal in accruals.proposals {
            var gone = true
            for key in [proposal.idempotencyKey, AdjustmentApplyService.reversalKey(proposal)] {
                let held = try await ApprovedAccruals.held(key, bench: bench)
                if settled && !held.isEmpty { audit.losses.append("the rollback left entry \(held.map(\.id)) tagged \(key) in Odoo") }
                gone = gone && held.isEmpty
            }
            let status = try bench.store.adjustment(id: proposal.id, sourceKey: bench.sourceKey).status
            audit.expectStore("the rollback of proposal \(proposal.id)", storeSaysApplied: status == .rolledBack, odooHolds: gone, settled: settled)
        }
        if settled, try bench.store.adjustmentBatch(batchID, sourceKey: bench.sourceKey).status != .rolledBack {
            audit.storeMismatches.append("batch \(batchID) is not marked rolled back though Odoo holds none of its entries")
        }
        return audit
    }
}

enum FaultMatrixError: Error, CustomStringConvertible {
    case seeding(String)

    var description: String {
        switch self {
        case .seeding(let detail): "the cell could not be prepared: \(detail)"
        }
    }
}
