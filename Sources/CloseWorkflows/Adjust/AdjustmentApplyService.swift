public import Adjustments
public import CloseSettings
public import CloseStore
public import Ledger
import OdooLedger
import OdooRPC
import Foundation

/// `closer apply` and `closer rollback`: writes approved proposals to the Odoo they were pulled
/// from as draft entries, in a batch that first records what Odoo holds under each proposal's tag,
/// and undoes a batch (drafts deleted, posted entries reversed by Odoo's own reversal).
public struct AdjustmentApplyService: Sendable {
    public var store: AppDatabase
    public var settings: OdooSettings
    public var actor: String
    public var rules: AdjustmentRules

    public init(store: AppDatabase, settings: OdooSettings, actor: String, rules: AdjustmentRules = AdjustmentRules()) {
        self.store = store
        self.settings = settings
        self.actor = actor
        self.rules = rules
    }

    /// Applies the approved proposals (and those that failed before), or only `ids`; in autonomous mode
    /// first lets the policy approve the kinds the rule set names at their confidence. Each is checked
    /// against the lock dates Odoo holds now before anything is written; an entry already in Odoo
    /// under the proposal's tag is taken as written, never created again.
    public func apply(sourceKey: SourceKey, ids: [Int64]? = nil) async throws -> AdjustmentApplyReport {
        try settings.mode.requireWrites(for: "closer apply")
        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the proposals", action: "apply them")
        let writer = OdooAdjustmentWriter(client: source.client)
        let chosen = try proposalsToApply(sourceKey: sourceKey, ids: ids)
        guard !chosen.isEmpty else { return AdjustmentApplyReport(batchID: nil, results: []) }
        let snapshot = try store.loadSnapshot(sourceKey: sourceKey)
        let lockDates = try await OdooCompanyLocks(client: source.client).read(companyID: snapshot.company.id)
        var before: [TaggedEntries] = []
        var adopted = Set<Int>()
        for stored in chosen {
            let entries = try await writer.entries(tagged: stored.idempotencyKey).map(TaggedEntry.init)
            let reversals = try await writer.entries(tagged: Self.reversalKey(stored)).map(TaggedEntry.init)
            // A failed earlier run may have created an entry whose answer never came back: Closer's tag is on it but no
            // batch recorded it. This batch takes it as its own (not part of the before-state), so its rollback undoes it.
            let left = stored.status == .failed ? Set((entries + reversals).map(\.id)).subtracting(try store.createdMoveIDs(proposalID: stored.id)) : []
            adopted.formUnion(left)
            before.append(TaggedEntries(proposalID: stored.id, key: stored.idempotencyKey, entries: entries, reversals: reversals))
        }
        let beforeState = before.map { found in
            TaggedEntries(proposalID: found.proposalID, key: found.key, entries: found.entries.filter { !adopted.contains($0.id) },
                          reversals: found.reversals.filter { !adopted.contains($0.id) })
        }
        let batchID = try store.startAdjustmentBatch(sourceKey: sourceKey, actor: actor, beforeState: try Self.json(beforeState))
        var results: [AdjustmentApplyResult] = []
        let accounts = Set(snapshot.accounts.map(\.id))
        let journals = Dictionary(snapshot.journals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (stored, found) in zip(chosen, before) {
            if let reason = AdjustmentScreen.refusal(stored.proposal, accounts: accounts, journals: journals, lockDates: lockDates) {
                let detail = "Refused before writing: \(reason)."
                try store.markAdjustment(id: stored.id, sourceKey: sourceKey, status: .failed, detail: detail, actor: actor)
                results.append(AdjustmentApplyResult(proposalID: stored.id, applied: false, detail: detail, entries: []))
                continue
            }
            results.append(try await write(stored, found: found, adopted: adopted, batchID: batchID, writer: writer, sourceKey: sourceKey))
        }
        let report = AdjustmentApplyReport(batchID: batchID, results: results)
        try store.finishAdjustmentBatch(batchID, status: report.failed == 0 ? .succeeded : .failed, report: try Self.json(report), actor: actor)
        return report
    }

    /// The proposals this run writes: `ids` (each must be approved, or have failed before), else every
    /// approved or failed one, after the autonomous policy approved what it may.
    func proposalsToApply(sourceKey: SourceKey, ids: [Int64]?) throws -> [StoredAdjustment] {
        guard let ids else {
            if settings.mode == .autonomous {
                for stored in try store.adjustments(sourceKey: sourceKey, statuses: [.proposed]) {
                    guard let threshold = rules.autonomous[stored.proposal.kind], stored.proposal.confidence >= threshold else { continue }
                    _ = try store.approveByAutonomousPolicy(id: stored.id, sourceKey: sourceKey, threshold: threshold)
                }
            }
            return try store.adjustments(sourceKey: sourceKey, statuses: [.approved, .failed])
        }
        return try ids.map { id in
            let stored = try store.adjustment(id: id, sourceKey: sourceKey)
            guard stored.status == .approved || stored.status == .failed else {
                throw AdjustmentApplyError.notApproved(id, status: stored.status)
            }
            return stored
        }
    }

    /// Writes one proposal: its entry, then its reversal, each created only when Odoo has none under its tag.
    /// `adopted`: entries a failed earlier run created without learning it, which this batch records as its own.
    func write(_ stored: StoredAdjustment, found: TaggedEntries, adopted: Set<Int>, batchID: Int64, writer: OdooAdjustmentWriter,
               sourceKey: SourceKey) async throws -> AdjustmentApplyResult {
        let proposal = stored.proposal
        var written: [AdjustmentWrite] = []
        do {
            let entry = try await ensure(proposal.entry, key: stored.idempotencyKey, existing: found.entries, adopted: adopted, role: "entry", stored: stored,
                                         batchID: batchID, writer: writer, reversing: nil)
            written.append(entry)
            if let reversal = proposal.entry.reversal {
                written.append(try await ensure(reversal, key: Self.reversalKey(stored), existing: found.reversals, adopted: adopted, role: "reversal",
                                                stored: stored, batchID: batchID, writer: writer, reversing: entry.odooMoveID))
            }
        } catch {
            let wrote = !written.filter(\.created).isEmpty || !(error as? OdooError).isDefinitelyRefusedByOdoo
            let detail = "Odoo refused: \(OdooErrorText.sentence(error))"
                + (wrote ? " Part of it may be in Odoo: run `closer apply` again (entries are found by their tag, never created twice) or `closer rollback \(batchID)`."
                    : " Nothing was written; correct the cause and run `closer apply` again.")
            try store.markAdjustment(id: stored.id, sourceKey: sourceKey, status: .failed, detail: detail, actor: actor)
            return AdjustmentApplyResult(proposalID: stored.id, applied: false, detail: detail, entries: written)
        }
        let created = written.filter(\.created)
        let detail = created.isEmpty ? "already in Odoo as entry " + written.map { String($0.odooMoveID) }.joined(separator: " and ") + " (nothing created)"
            : "created " + written.map { "\($0.role) \($0.odooMoveID)\($0.created ? "" : " (already there)")" }.joined(separator: " and ")
                + (rules.postKinds.contains(proposal.kind) ? ", posted" : ", draft" + (written.count > 1 ? "s" : ""))
        try store.markAdjustment(id: stored.id, sourceKey: sourceKey, status: .applied, detail: detail, actor: actor)
        return AdjustmentApplyResult(proposalID: stored.id, applied: true, detail: detail, entries: written)
    }

    func ensure(_ entry: ProposedEntry, key: String, existing: [TaggedEntry], adopted: Set<Int>, role: String, stored: StoredAdjustment,
                batchID: Int64, writer: OdooAdjustmentWriter, reversing: Int?) async throws -> AdjustmentWrite {
        if let present = existing.first(where: { $0.state != MoveState.cancelled.rawValue }) {
            let write = AdjustmentWrite(proposalID: stored.id, role: role, odooMoveID: present.id, created: adopted.contains(present.id))
            try store.recordAdjustmentWrite(batchID: batchID, write)
            return write
        }
        let narration = "Drafted by Closer (\(stored.proposal.kind.title)); proposal \(stored.id) approved by \(stored.decidedBy ?? "?"). "
            + stored.proposal.reason
        let id = try await writer.createDraft(entry, key: key, narration: narration, reversing: reversing)
        let write = AdjustmentWrite(proposalID: stored.id, role: role, odooMoveID: id, created: true)
        try store.recordAdjustmentWrite(batchID: batchID, write)
        if rules.postKinds.contains(stored.proposal.kind) { try await writer.post(moveID: id) }
        return write
    }

    static func reversalKey(_ stored: StoredAdjustment) -> String { stored.idempotencyKey + ".reversal" }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

public enum AdjustmentApplyError: Error, CustomStringConvertible, Equatable {
    case notApproved(Int64, status: AdjustmentStatus)

    public var description: String {
        switch self {
        case .notApproved(let id, let status):
            "Proposal \(id) is \(status.rawValue): only approved proposals are written to Odoo (`closer approve \(id)` first)."
        }
    }
}

/// What Odoo held under a proposal's tags before a batch started.
struct TaggedEntries: Codable {
    var proposalID: Int64
    var key: String
    var entries: [TaggedEntry]
    var reversals: [TaggedEntry]
}

struct TaggedEntry: Codable, Hashable {
    var id: Int
    var name: String
    var state: String

    init(_ entry: OdooTaggedEntry) {
        id = entry.id
        name = entry.name
        state = entry.state.rawValue
    }
}

public struct AdjustmentApplyResult: Sendable, Codable {
    public var proposalID: Int64
    public var applied: Bool
    public var detail: String
    public var entries: [AdjustmentWrite]
}

public struct AdjustmentApplyReport: Sendable, Codable {
    /// Nil when nothing was approved, so no batch was opened.
    public var batchID: Int64?
    public var results: [AdjustmentApplyResult]

    public var created: Int { results.flatMap(\.entries).filter(\.created).count }
    public var failed: Int { results.filter { !$0.applied }.count }
}
