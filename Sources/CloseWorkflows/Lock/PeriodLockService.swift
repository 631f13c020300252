public import CloseSettings
public import CloseStore
public import Governance
public import Ledger
import OdooLedger
import OdooRPC
import Foundation
import BankMatching

/// `closer lock request` and `closer lock approve`: gathers the gate, records the request, and on a
/// controller's approval writes the policy's lock dates to Odoo (never moving one back), reads them
/// back and records the lock as verified only when Odoo holds them.
public struct PeriodLockService: Sendable {
    public var store: AppDatabase
    public var actor: String
    public var policy: LockPolicy

    public init(store: AppDatabase, actor: String, policy: LockPolicy = LockPolicy()) {
        self.store = store
        self.actor = actor
        self.policy = policy
    }

    public func request(sourceKey: SourceKey, period: Period, children: [SourceKey] = [], asOf: LocalDate) throws -> LockRequest {
        try store.requirePulled(period, sourceKey: sourceKey)
        let blockers = try LockGate(store: store, actor: actor).blockers(sourceKey: sourceKey, period: period, children: children, asOf: asOf)
        return try store.saveLockRequest(sourceKey: sourceKey, period: period, fields: policy.fields, blockers: blockers, actor: actor)
    }

    /// Approves a waiting request: only a controller, never the agent, never the only approver of the
    /// period's decided proposals, and only while the gate is still clear; then writes Odoo.
    public func approve(id: Int64, sourceKey: SourceKey, settings: OdooSettings, confirmHardLock: Bool = false,
                        children: [SourceKey] = [], asOf: LocalDate) async throws -> LockRequest {
        try settings.mode.requireWrites(for: "closer lock approve")
        let request = try store.lockRequest(id: id, sourceKey: sourceKey)
        guard request.status == .requested else { throw LockRequestError.notWaiting(id, status: request.status) }
        try authorize(request, sourceKey: sourceKey, confirmHardLock: confirmHardLock)
        let blockers = try LockGate(store: store, actor: actor).blockers(sourceKey: sourceKey, period: request.period, children: children, asOf: asOf)
        guard blockers.isEmpty else { throw PeriodLockError.gateClosed(blockers) }

        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the lock request", action: "lock the period")
        let locks = OdooCompanyLocks(client: source.client)
        let companyID = try store.company(sourceKey: sourceKey).id
        let available = try await locks.availableFields()
        if let missing = request.fields.first(where: { !available.contains($0) }) {
            throw PeriodLockError.fieldNotInThisOdoo(missing, available: available)
        }
        let before = try await locks.read(companyID: companyID)
        // Only dates that move forward are written: a later lock already in Odoo stays.
        let changes = Dictionary(uniqueKeysWithValues: request.fields.compactMap { field in
            (before[field].map { $0 < request.period.end } ?? true) ? (field, request.period.end) : nil
        })
        var held: LockDates?
        do {
            if !changes.isEmpty { try await locks.write(changes, companyID: companyID) }
        } catch {
            // The answer may be lost after Odoo wrote the dates: what Odoo holds now decides, not the error.
            let uncertain = !(error as? OdooError).isDefinitelyRefusedByOdoo
            held = uncertain ? try? await locks.read(companyID: companyID) : nil
            guard let held, Self.holds(held, request) else {
                let detail = uncertain
                    ? "Odoo's answer to the lock did not arrive: \(OdooErrorText.sentence(error)) Odoo may hold the lock dates anyway: request the lock "
                        + "again and approve it; Closer reads what Odoo holds and writes only what is missing."
                    : "Odoo refused the lock: \(OdooErrorText.sentence(error))"
                try store.finishLockRequest(id: id, sourceKey: sourceKey, status: .failed, approvedBy: actor, detail: detail, before: before, after: nil)
                return try store.lockRequest(id: id, sourceKey: sourceKey)
            }
        }
        let after = if let held { held } else { try await locks.read(companyID: companyID) }
        let short = request.fields.filter { !Self.holds(after, request, $0) }
        let detail = short.isEmpty
            ? "Odoo holds " + request.fields.map { "\($0.odooField) = \(after[$0]!)" }.joined(separator: ", ")
            : "Odoo does not hold " + short.map { "\($0.odooField) ≥ \(request.period.end) (it reads \(after[$0]?.description ?? "empty"))" }.joined(separator: ", ")
        try store.finishLockRequest(id: id, sourceKey: sourceKey, status: short.isEmpty ? .verified : .failed, approvedBy: actor, detail: detail,
                                    before: before, after: after)
        return try store.lockRequest(id: id, sourceKey: sourceKey)
    }

    /// Whether Odoo's lock dates reach the request's period end (in `field`, or in every requested field).
    static func holds(_ dates: LockDates, _ request: LockRequest, _ field: LockDateField? = nil) -> Bool {
        (field.map { [$0] } ?? request.fields).allSatisfy { dates[$0].map { $0 >= request.period.end } ?? false }
    }

    public func authorize(_ request: LockRequest, sourceKey: SourceKey, confirmHardLock: Bool) throws {
        let user = try store.user(login: actor)
        if user.isAgent { throw ApprovalRefusal(rule: "the agent never approves", message: "\(actor) cannot approve lock request \(request.id)") }
        guard user.active, user.roles.contains(.controller) else {
            throw ApprovalRefusal(rule: "lock approval", message: "locking a period needs a controller; \(actor) holds "
                                  + (user.roles.isEmpty ? "no role" : user.roles.map(\.rawValue).sorted().joined(separator: ", ")))
        }
        if request.fields.contains(.hard) {
            guard policy.allowHardLock else {
                throw ApprovalRefusal(rule: "lock policy", message: "the rule set does not allow the hard lock (lock.allow_hard_lock)")
            }
            guard confirmHardLock else {
                throw ApprovalRefusal(rule: "hard lock", message: "Odoo's hard lock can never be undone: approve again with --confirm-hard-lock")
            }
        }
        let decided = try store.adjustments(sourceKey: sourceKey, period: request.period, statuses: [.applied]).map { ProposalRef(.adjustment, $0.id) }
            + store.matchProposals(sourceKey: sourceKey, statuses: [.approved, .applied])
                .filter { $0.proposal.date <= request.period.end }.map { ProposalRef(.bankMatch, $0.id) }
        if let refusal = ApprovalDecision.lockRefusal(lockApprover: actor, approversOfBlockingItems: try store.approversOfCurrentVersions(decided)) {
            throw refusal
        }
    }
}

public enum PeriodLockError: Error, CustomStringConvertible, Equatable {
    case gateClosed([String])
    case fieldNotInThisOdoo(LockDateField, available: [LockDateField])

    public var description: String {
        switch self {
        case .gateClosed(let blockers): "The period cannot be locked yet:\n" + blockers.map { "  - \($0)" }.joined(separator: "\n")
        case .fieldNotInThisOdoo(let field, let available):
            "This Odoo has no \(field.odooField); its lock dates are " + available.map(\.rawValue).joined(separator: ", ") + ": change lock.fields in the rule set."
        }
    }
}
