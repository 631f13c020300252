import OdooLedger
import Foundation
import CloseStore
import CloseSettings
public import Ledger

extension AdjustmentApplyService {
    /// Undoes what a batch created, newest first (an accrual's reversal before the accrual): drafts
    /// are deleted, posted entries reversed by Odoo. Entries the batch only found (created by an
    /// earlier batch) are left to that batch. Then compares Odoo's tagged entries with the batch's
    /// before-state and says whether they are as they were.
    public func rollback(sourceKey: SourceKey, batchID: Int64) async throws -> AdjustmentRollbackReport {
        try settings.mode.requireWrites(for: "closer rollback")
        let batch = try store.adjustmentBatch(batchID, sourceKey: sourceKey)
        guard batch.status != .rolledBack else {
            return AdjustmentRollbackReport(batchID: batchID, undone: [], failures: [], alreadyRolledBack: true, unchangedSinceBefore: true, differences: [])
        }
        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the batch", action: "roll it back")
        let writer = OdooAdjustmentWriter(client: source.client)
        let reason = "Rollback of Closer batch \(batchID) by \(actor)"
        var undone: [UndoneEntry] = []
        var reversed: Set<Int> = []
        var failures: [String] = []
        for write in batch.writes.reversed() where write.created {
            do {
                let outcome = try await writer.undo(moveID: write.odooMoveID, reason: reason)
                if case .reversed = outcome { reversed.insert(write.odooMoveID) }
                undone.append(UndoneEntry(proposalID: write.proposalID, role: write.role, odooMoveID: write.odooMoveID, outcome: outcome.description))
            } catch {
                failures.append("\(write.role) \(write.odooMoveID) of proposal \(write.proposalID): \(OdooErrorText.sentence(error))")
            }
        }
        let failedProposals = Set(batch.writes.filter { write in failures.contains { $0.hasPrefix("\(write.role) \(write.odooMoveID) ") } }.map(\.proposalID))
        for proposalID in Set(batch.writes.filter(\.created).map(\.proposalID)).subtracting(failedProposals).sorted() {
            try store.markAdjustment(id: proposalID, sourceKey: sourceKey, status: .rolledBack,
                                     detail: "rolled back with batch \(batchID): " + undone.filter { $0.proposalID == proposalID }.map(\.outcome).joined(separator: "; "),
                                     actor: actor)
        }
        let before = try JSONDecoder().decode([TaggedEntries].self, from: Data(batch.beforeState.utf8))
        var differences: [String] = []
        for tagged in before {
            let now = try await writer.entries(tagged: tagged.key).map(TaggedEntry.init)
                + writer.entries(tagged: tagged.key + ".reversal").map(TaggedEntry.init)
            let then = tagged.entries + tagged.reversals
            // A posted entry reversed by Odoo stays in the books, netted by its reversal: undone, not left over.
            let live = now.filter { $0.state != "cancel" && !reversed.contains($0.id) }
            if Set(live.map(\.id)) != Set(then.filter { $0.state != "cancel" }.map(\.id)) {
                differences.append("proposal \(tagged.proposalID): before " + Self.describe(then) + ", now " + Self.describe(now))
            }
        }
        let report = AdjustmentRollbackReport(batchID: batchID, undone: undone, failures: failures, alreadyRolledBack: false,
                                              unchangedSinceBefore: differences.isEmpty, differences: differences)
        if failures.isEmpty {
            try store.finishAdjustmentBatch(batchID, status: .rolledBack, report: try Self.json(report), actor: actor)
        }
        return report
    }

    static func describe(_ entries: [TaggedEntry]) -> String {
        entries.isEmpty ? "none" : entries.map { "\($0.id) (\($0.state))" }.joined(separator: ", ")
    }
}

/// One entry a rollback undid.
public struct UndoneEntry: Sendable, Codable {
    public var proposalID: Int64
    public var role: String
    public var odooMoveID: Int
    public var outcome: String
}

/// What `closer rollback` did, and whether Odoo's tagged entries are as they were before the batch
/// (posted entries reversed by Odoo stay, with their reversal, and count as undone).
public struct AdjustmentRollbackReport: Sendable, Codable {
    public var batchID: Int64
    public var undone: [UndoneEntry]
    public var failures: [String]
    public var alreadyRolledBack: Bool
    public var unchangedSinceBefore: Bool
    public var differences: [String]
}
