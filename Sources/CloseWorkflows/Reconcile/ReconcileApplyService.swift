public import CloseSettings
public import CloseStore
public import OdooLedger
import Foundation
import BankMatching
public import Ledger

/// `closer reconcile apply`: writes approved bank matches back to the Odoo they were pulled from.
/// Supervised mode applies approved proposals only; autonomous mode also applies those the policy
/// marked auto; either finishes what an earlier run left failed. Every match is audited before its first write and after; a retry or a second run
/// never reconciles twice (the reconciler reads what Odoo shows before writing).
public struct ReconcileApplyService: Sendable {
    public var store: AppDatabase
    public var settings: OdooSettings
    public var actor: String

    public init(store: AppDatabase, settings: OdooSettings, actor: String) {
        self.store = store
        self.settings = settings
        self.actor = actor
    }

    public func apply(sourceKey: SourceKey) async throws -> [ReconcileApplyResult] {
        try settings.mode.requireWrites(for: "closer reconcile apply")
        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the proposals", action: "apply them")
        let chosen = Self.due(try store.matchProposals(sourceKey: sourceKey, statuses: [.approved, .proposed, .failed]),
                              autonomous: settings.mode == .autonomous)
        let byKey = Dictionary(chosen.map { ($0.idempotencyKey, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [ReconcileApplyResult] = []
        let matches = chosen.compactMap(Self.reconciliation)
        let store = store, actor = actor
        let reconciler = OdooBankReconciler(client: source.client) { match in
            // Written before Odoo is touched, so the trail shows the attempt even if the process dies mid-way.
            _ = try store.recordAudit(NewAuditEvent(
                actor: actor, action: "match.apply.started",
                targets: [AuditTarget(model: "account.bank.statement.line", id: String(match.statementLineID))],
                payload: AuditPayload(["idempotency_key": match.idempotencyKey,
                                       "items": match.openItemLineIDs.map(String.init).joined(separator: ",")])))
        }
        for outcome in await reconciler.apply(matches) {
            guard let stored = byKey[outcome.idempotencyKey] else { continue }
            let result = ReconcileApplyResult(proposalID: stored.id, statementLineID: stored.proposal.statementLineID, outcome: outcome)
            try store.markMatchProposal(id: stored.id, applied: result.succeeded, detail: result.detail, actor: actor)
            results.append(result)
        }
        return results
    }

    /// What an apply run writes: approved matches, those marked auto when the mode is autonomous, and
    /// matches an earlier run left failed (approved, or auto in autonomous mode). A failed match may be
    /// half-written — Odoo's answer lost after it rewrote the statement entry — and the reconciler,
    /// reading what Odoo shows, finishes only what is missing (or says again why it cannot).
    static func due(_ proposals: [StoredMatchProposal], autonomous: Bool) -> [StoredMatchProposal] {
        proposals.filter { stored in
            let auto = autonomous && stored.proposal.decision == .auto
            switch stored.status {
            case .approved: return true
            case .proposed: return auto
            case .failed: return stored.decidedBy != nil || auto
            default: return false
            }
        }
    }

    /// The write-back of a proposal's best candidate. The reconciler books write-offs as expenses when
    /// positive; a candidate's difference is what the bank paid beyond the items, so the signs are opposite.
    static func reconciliation(_ stored: StoredMatchProposal) -> BankReconciliation? {
        guard let best = stored.proposal.best else { return nil }
        return BankReconciliation(statementLineID: stored.proposal.statementLineID, openItemLineIDs: best.itemLineIDs,
                                  writeOff: best.writeOff.map { -$0 }, writeOffAccountID: best.writeOffAccountID,
                                  writeOffLabel: best.shape == .counterpart ? stored.proposal.text : "Write-off (Closer)",
                                  idempotencyKey: stored.idempotencyKey)
    }
}

/// What applying one proposal did.
public struct ReconcileApplyResult: Sendable, Codable {
    public var proposalID: Int64
    public var statementLineID: Int
    public var outcome: BankReconciliationOutcome

    public var succeeded: Bool {
        if case .failed = outcome { return false }
        return true
    }

    public var detail: String {
        switch outcome {
        case .applied(let state): "reconciled in Odoo (is_reconciled \(state.isReconciled))"
        case .alreadyReconciled(let state): state.byThisProposal ? "already reconciled by this proposal" : "already reconciled in Odoo by someone else"
        case .failed(let failure): failure.reason
        }
    }
}
