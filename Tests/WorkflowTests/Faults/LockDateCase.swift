import CloseStore
import Governance
@testable import CloseWorkflows
import Foundation
import Ledger
import Testing
import OdooRPC

/// `closer lock approve`: the period's tax lock date (a soft lock a test may clear again; Odoo refuses a
/// fiscal-year lock over unreconciled statement lines, which a real demo database has), once the gate is
/// clear (checked, every task signed off). Intended: Odoo holds the lock date at the period's end, and the
/// store's request says verified exactly when it does. A lock date is a value, so writing it twice holds it once; a request the
/// first run left failed is requested again and approved, as a controller would.
struct LockDateCase: WritePathCase {
    static let policy = LockPolicy(fields: [.tax])
    let request: Int64

    init(bench: FaultBench) async throws {
        _ = try CheckService(store: bench.store, actor: "preparer").run(sourceKey: bench.sourceKey, period: bench.period, asOf: bench.asOf)
        _ = try ReconcileService(store: bench.store, actor: "preparer").propose(sourceKey: bench.sourceKey, period: bench.period)
        _ = try AdjustmentService(store: bench.store, actor: "preparer").propose(sourceKey: bench.sourceKey, period: bench.period)
        let checklist = ChecklistService(store: bench.store, actor: "carol")
        var board = try checklist.board(sourceKey: bench.sourceKey, period: bench.period, asOf: bench.asOf)
        // Sign off what can be, dependencies first, until nothing changes.
        var progress = true
        while progress {
            progress = false
            for row in board.rows where row.status != .done && row.task.completion == .manual && row.blockedBy.isEmpty {
                board = try checklist.signOff(sourceKey: bench.sourceKey, period: bench.period, taskKey: row.task.key, comment: "fault matrix", asOf: bench.asOf)
                progress = true
            }
        }
        let requested = try PeriodLockService(store: bench.store, actor: "carol", policy: Self.policy).request(sourceKey: bench.sourceKey, period: bench.period, asOf: bench.asOf)
        guard requested.status == .requested else { throw FaultMatrixError.seeding("the lock gate is not clear: \(requested.blockers)") }
        request = requested.id
    }

    func run(_ bench: FaultBench) async throws {
        let service = PeriodLockService(store: bench.store, actor: "carol", policy: Self.policy)
        var latest = try #require(try bench.store.lockRequests(sourceKey: bench.sourceKey).last)
        if latest.status == .verified { return }
        if latest.status != .requested { latest = try service.request(sourceKey: bench.sourceKey, period: bench.period, asOf: bench.asOf) }
        _ = try await service.approve(id: latest.id, sourceKey: bench.sourceKey, settings: bench.settings, asOf: bench.asOf)
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: 1)
        let company = try #require(try await bench.direct.read("res.company", ids: [bench.odoo.company.id], fields: ["tax_lock_date"]).first)
        let holds = company["tax_lock_date"]?.stringValue.flatMap { LocalDate(iso: $0) }.map { $0 >= bench.period.end } ?? false
        audit.expectOnce("the tax lock at \(bench.period.end)", count: holds ? 1 : 0, settled: settled)
        for stored in try bench.store.lockRequests(sourceKey: bench.sourceKey) {
            // A verified request must be true; a failed one may not hide a lock Odoo holds unless it says Odoo may hold it.
            let silent = stored.status == .failed && holds && !(stored.detail ?? "").contains("may")
            if (stored.status == .verified && !holds) || silent {
                audit.storeMismatches.append("lock request \(stored.id) is \(stored.status.rawValue) but Odoo \(holds ? "holds" : "does not hold") the lock: \(stored.detail ?? "")")
            }
        }
        if settled, try bench.store.lockRequests(sourceKey: bench.sourceKey).last?.status != .verified {
            audit.storeMismatches.append("the store has no verified lock though Odoo holds it")
        }
        return audit
    }
}
