import CloseChecks
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Testing
import Ledger

/// `closer findings waive`: a waived finding stays listed but blocks neither the lock gate nor the checklist until
/// its expiry or until the finding changes; only a controller waives, anyone acting on findings acknowledges.
@Suite struct FindingWaiverTests {
    static let asOf = LocalDate(iso: "2026-11-04")!
    static let until = LocalDate(iso: "2026-11-10")!

    @Test func aWaivedFindingStopsBlockingTheLockGateUntilItExpiresOrChanges() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        try store.addUser(login: "carol", name: "Carol", roles: [.controller], odooUserID: nil, actor: "test")   // the first user: admin too
        try store.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "carol")
        let gate = LockGate(store: store, actor: "carol")
        let blocking = try FindingsService(store: store, actor: "carol").list(sourceKey: key, period: period, filter: .init(severity: .blocking),
                                                                               asOf: Self.asOf).findings
        #expect(!blocking.isEmpty)
        #expect(try gate.blockers(sourceKey: key, period: period, children: [], asOf: Self.asOf).contains { $0.contains("blocking finding") })

        // An approver may acknowledge (it still blocks) but not waive.
        let first = blocking[0].fingerprint
        #expect(throws: ApprovalRefusal(rule: "approval policy", message: "waiving finding \(first) needs the controller role; bob holds approver")) {
            try FindingsService(store: store, actor: "bob").setAside(fingerprint: first, kind: .waived, reason: "known", until: Self.until,
                                                                    sourceKey: key, period: period, asOf: Self.asOf)
        }
        _ = try FindingsService(store: store, actor: "bob").setAside(fingerprint: first, kind: .acknowledged, reason: "on it", until: nil,
                                                                    sourceKey: key, period: period, asOf: Self.asOf)
        #expect(try gate.blockers(sourceKey: key, period: period, children: [], asOf: Self.asOf).contains { $0.contains("blocking finding") })
        #expect(throws: FindingsError.expiryRequired(first)) {
            try FindingsService(store: store, actor: "carol").setAside(fingerprint: first, kind: .waived, reason: "known", until: nil,
                                                                      sourceKey: key, period: period, asOf: Self.asOf)
        }

        for listed in blocking {
            _ = try FindingsService(store: store, actor: "carol").setAside(fingerprint: listed.fingerprint, kind: .waived, reason: "agreed with the auditor",
                                                                          until: Self.until, sourceKey: key, period: period, asOf: Self.asOf)
        }
        #expect(try store.auditEvents().last.map { $0.action == "finding.waived" && $0.actor == "carol" } == true)
        #expect(try !gate.blockers(sourceKey: key, period: period, children: [], asOf: Self.asOf).contains { $0.contains("blocking finding") })
        // Still listed, as waived.
        let waived = try FindingsService(store: store, actor: "carol").list(sourceKey: key, period: period, filter: .init(waived: true), asOf: Self.asOf)
        #expect(Set(waived.findings.map(\.fingerprint)) == Set(blocking.map(\.fingerprint)))

        // The day after the expiry it blocks again.
        let later = LocalDate(iso: "2026-11-11")!
        #expect(try gate.blockers(sourceKey: key, period: period, children: [], asOf: later).contains { $0.contains("blocking finding") })

        // A new check that only ranks them otherwise (other findings came and went): still the same findings, still waived.
        let reranked = try store.startRun(kind: "check", period: period.description, actor: "test")
        let moved = blocking.map(\.finding).enumerated().map { position, finding in
            var finding = finding
            finding.ranking = FindingRanking(rank: 40 + position, amount: nil, materiality: .unknown, materialityBasisPoints: nil, risk: 0.9, onFirstScreen: false)
            return finding
        }
        _ = try store.saveFindings(moved, runID: reranked, sourceKey: key, period: period, actor: "test")
        #expect(try #require(try store.listedFindings(sourceKey: key, period: period)).allSatisfy { $0.isWaived(on: Self.asOf) })

        // A new check whose finding says something else: that finding blocks again, the unchanged ones stay waived.
        let run = try store.startRun(kind: "check", period: period.description, actor: "test")
        var changed = blocking.map(\.finding)
        changed[0].message += " (and one more line)"
        _ = try store.saveFindings(changed, runID: run, sourceKey: key, period: period, actor: "test")
        let relisted = try #require(try store.listedFindings(sourceKey: key, period: period))
        #expect(relisted.filter { !$0.isWaived(on: Self.asOf) }.map(\.fingerprint) == [first])
        #expect(relisted.first { $0.fingerprint == first }?.waiver?.findingChanged == true)
        #expect(try gate.blockers(sourceKey: key, period: period, children: [], asOf: Self.asOf).contains { $0.contains("1 blocking finding") })
    }

    @Test func aWaivedFindingNoLongerHoldsItsChecklistTaskOpen() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        try store.addUser(login: "carol", name: "Carol", roles: [.controller], odooUserID: nil, actor: "test")
        let checklist = ChecklistService(store: store, actor: "carol")
        let before = try checklist.board(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(before.row("drafts-cleared")?.status != .done)
        let drafts = try FindingsService(store: store, actor: "carol").list(sourceKey: key, period: period, filter: .init(checkID: "draft-in-period"),
                                                                             asOf: Self.asOf).findings.filter { $0.finding.severity <= .warning }
        #expect(!drafts.isEmpty)
        for listed in drafts {
            _ = try FindingsService(store: store, actor: "carol").setAside(fingerprint: listed.fingerprint, kind: .waived, reason: "posted in Odoo since",
                                                                          until: Self.until, sourceKey: key, period: period, asOf: Self.asOf)
        }
        #expect(try checklist.board(sourceKey: key, period: period, asOf: Self.asOf).row("drafts-cleared")?.status == .done)
    }
}
