import CloseChecks
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Testing
import Ledger

/// `closer todo`: each person sees what they may act on, and not others' work: approvals the policy would let them
/// give (never their own proposals), their role's or login's tasks that are due by the close calendar, and findings
/// on the entries they created (or, where the store cannot say whose a finding is, the period's at warning or worse).
@Suite struct TodoServiceTests {
    static let asOf = LocalDate(iso: "2026-11-04")!

    @Test func eachPersonSeesOnlyWhatTheyMayActOn() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        let findings = try #require(try store.listedFindings(sourceKey: key, period: period))
        let creators = try store.entryCreators(sourceKey: key, records: findings.flatMap(\.finding.records))
        let creator = try #require(creators.values.first)
        try store.addUser(login: "admin", name: "Admin", roles: [.admin], odooUserID: nil, actor: "test")
        for (login, roles, odoo) in [("test", [CloserRole.approver], nil), ("ann", [.preparer], creator), ("bob", [.approver], nil),
                                     ("carol", [.controller], nil), ("vic", [.viewer], nil),
                                     ("eve", [.preparer], creator + 1_000_000)] as [(String, [CloserRole], Int?)] {
            try store.addUser(login: login, name: login, roles: Set(roles), odooUserID: odoo, actor: "admin")
        }
        _ = try ChecklistService(store: store, actor: "test").board(sourceKey: key, period: period, asOf: Self.asOf)
        func todo(_ login: String, asOf: LocalDate = Self.asOf) throws -> TodoList {
            try TodoService(store: store).todo(for: login, sourceKey: key, period: nil, asOf: asOf, policy: ApprovalPolicy())
        }
        let (test, ann, bob, carol, vic, eve) = try (todo("test"), todo("ann"), todo("bob"), todo("carol"), todo("vic"), todo("eve"))

        // Approvals: "test" prepared every proposal, so none is his to approve; bob's are what an approver may give and
        // carol may approve those too; the viewer and the preparer approve nothing.
        #expect(test.approvals.isEmpty && ann.approvals.isEmpty && vic.approvals.isEmpty)
        #expect(!bob.approvals.isEmpty && Set(bob.approvals.map(\.proposal)).isSubset(of: Set(carol.approvals.map(\.proposal))))
        // Between 10,000 and 50,000 only a controller approves; above, an approver may give the first of two approvals.
        let controllersOnly = { (review: WaitingReview) in (10_000_00 + 1...50_000_00).contains(review.amount?.magnitude.minorUnits ?? 0) }
        #expect(!bob.approvals.contains(where: controllersOnly) && carol.approvals.contains(where: controllersOnly))
        let first = bob.approvals[0]
        if first.proposal.kind == .adjustment {
            #expect(try store.decideAdjustment(id: first.proposal.id, sourceKey: key, approved: true, actor: "bob", note: nil,
                                               policy: ApprovalPolicy()).proposal.status == .approved)
        }

        // Tasks: by role, due by the close calendar (intercompany-agreed is the controller's, due on working day 4, 2026-11-05).
        #expect(bob.tasks.allSatisfy { $0.task.owner == "approver" } && !bob.tasks.isEmpty)
        #expect(ann.tasks.allSatisfy { $0.task.owner == "preparer" } && vic.tasks.isEmpty)
        #expect(!carol.tasks.contains { $0.task.key == "intercompany-agreed" })
        #expect(try todo("carol", asOf: LocalDate(iso: "2026-11-05")!).tasks.map(\.task.key) == ["intercompany-agreed"])

        // Findings: ann sees those on entries she created; eve, whose entries are others, none of hers; bob, with no Odoo user
        // on record, every finding at warning or worse (the store cannot tell whose is whose); the viewer none.
        let anns = ann.findings.filter(\.yours)
        #expect(!anns.isEmpty && anns.allSatisfy { $0.listed.finding.records.contains { creators[$0] == creator } })
        #expect(!eve.findings.contains { $0.yours } && !eve.findings.contains { item in anns.contains { $0.listed.fingerprint == item.listed.fingerprint } })
        #expect(eve.findings.allSatisfy { item in item.listed.finding.records.allSatisfy { creators[$0] == nil } })
        #expect(Set(bob.findings.map(\.listed.fingerprint)) == Set(findings.filter { $0.finding.severity <= .warning }.map(\.fingerprint)))
        #expect(vic.findings.isEmpty)
        // Acknowledged, it leaves her list.
        let acknowledged = anns[0].listed.fingerprint
        _ = try FindingsService(store: store, actor: "ann").setAside(fingerprint: acknowledged, kind: .acknowledged, reason: "on it", until: nil,
                                                                    sourceKey: key, period: period, asOf: Self.asOf)
        #expect(try !todo("ann").findings.contains { $0.listed.fingerprint == acknowledged })
    }
}
