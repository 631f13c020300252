@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Ledger
import Testing
import Adjustments

/// The lock gate and who may approve a lock, on the demo company (no Odoo: every refusal here happens
/// before a connection is even built).
@Suite struct PeriodLockTests {
    static let asOf = LocalDate(iso: "2026-11-04")!

    @Test func aLockWithOpenBlockingItemsIsRefusedNamingEachOne() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        let request = try PeriodLockService(store: store, actor: "carol").request(sourceKey: key, period: period, children: [key], asOf: Self.asOf)
        #expect(request.status == .refused)
        let text = request.blockers.joined(separator: "\n")
        #expect(text.contains("blocking finding") && text.contains("draft-in-period"), "\(text)")
        #expect(text.contains("checklist tasks not done") && text.contains("flux-reviewed (blocked)"), "\(text)")
        #expect(text.contains("adjusting entries not settled") && text.contains("proposed"), "\(text)")
        #expect(text.contains("child company \(key) is not locked through \(period.end)"), "\(text)")
        #expect(try store.auditEvents().last?.action == "lock.request.refused")
        // A refused request cannot be approved; nothing reaches Odoo (the settings point nowhere).
        let settings = try OdooSettings(resolving: SettingsResolver(flags: [.odooURL: "http://127.0.0.1:9", .odooDatabase: "none", .odooUser: "x",
                                                                            .odooPassword: "x", .mode: "supervised"], environment: [:], file: nil))
        await #expect(throws: LockRequestError.notWaiting(request.id, status: .refused)) {
            try await PeriodLockService(store: store, actor: "carol").approve(id: request.id, sourceKey: key, settings: settings, asOf: Self.asOf)
        }
    }

    @Test func onlyAControllerWhoIsNotTheSoleApproverMayLock() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        _ = try store.addUser(login: "admin", name: "Admin", roles: [.admin], odooUserID: nil, actor: "test")
        _ = try store.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "admin")
        _ = try store.addUser(login: "carol", name: "Carol", roles: [.controller], odooUserID: nil, actor: "admin")
        let request = LockRequest(id: 1, period: period, fields: [.fiscalYear], status: .requested, blockers: [], requestedBy: "alice")
        func refusal(_ actor: String, _ request: LockRequest, policy: LockPolicy = LockPolicy(), confirm: Bool = false) -> String? {
            do {
                try PeriodLockService(store: store, actor: actor, policy: policy).authorize(request, sourceKey: key, confirmHardLock: confirm)
                return nil
            } catch { return String(describing: error) }
        }
        #expect(refusal("bob", request) == "lock approval: locking a period needs a controller; bob holds approver.")
        #expect(refusal("closer-agent", request)?.hasPrefix("the agent never approves") == true)
        #expect(refusal("carol", request) == nil)

        var hard = request
        hard.fields = [.fiscalYear, .hard]
        #expect(refusal("carol", hard)?.hasPrefix("lock policy") == true)
        #expect(refusal("carol", hard, policy: LockPolicy(fields: [.hard], allowHardLock: true))?.contains("--confirm-hard-lock") == true)
        #expect(refusal("carol", hard, policy: LockPolicy(fields: [.hard], allowHardLock: true), confirm: true) == nil)

        // Carol alone approved an accrual that was then written to Odoo: she cannot also approve the lock.
        let accrual = try #require(store.adjustments(sourceKey: key, period: period).first { $0.proposal.kind == .accrual })
        _ = try store.decideAdjustment(id: accrual.id, sourceKey: key, approved: true, actor: "carol", note: nil, policy: ApprovalPolicy())
        try store.markAdjustment(id: accrual.id, sourceKey: key, status: .applied, detail: "test", actor: "test")
        #expect(refusal("carol", request)?.hasPrefix("separation of duties: carol is the only approver of adjustment proposal \(accrual.id)") == true)
    }
}
