import CloseChecks
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Ledger
import Testing
import Adjustments

@Suite struct ChecklistServiceTests {
    static let asOf = LocalDate(iso: "2026-11-04")!

    @Test func automaticTasksFollowTheRealFindingsAndProposals() async throws {
        let (store, key, period, checks) = try await ClosedDemo.make(asOf: Self.asOf)
        let service = ChecklistService(store: store, actor: "alice")
        let board = try service.board(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(board.rows.count == 12 && board.templateSHA256 == ChecklistTemplate.builtIn.sha256)
        #expect(board.row("ledger-pulled")?.status == .done)
        #expect(board.row("ledger-pulled")?.task.completedBy == "alice")
        let drafts = checks.findings.filter { $0.checkID == "draft-in-period" }.count
        #expect(drafts > 0)
        #expect(board.row("drafts-cleared")?.waitingOn == ["\(drafts) draft-in-period finding\(drafts == 1 ? "" : "s") (blocking)"])
        #expect(board.row("blocking-checks-clean")?.status == .blocked && board.row("blocking-checks-clean")?.blockedBy == ["drafts-cleared"])
        let reclasses = try store.adjustments(sourceKey: key, period: period).filter { $0.proposal.kind == .reclass }
        #expect(!reclasses.isEmpty)
        #expect(board.row("reclasses-decided")?.waitingOn == ["\(reclasses.count) reclass proposal\(reclasses.count == 1 ? "" : "s") waiting for review"])
        // The due date is the third working day after October's last working day, past on 5 November.
        #expect(board.row("reclasses-decided")?.task.dueDate.description == "2026-11-04")
        #expect(try service.board(sourceKey: key, period: period, asOf: LocalDate(iso: "2026-11-05")!).row("reclasses-decided")?.status == .overdue)

        // Evaluating again changes nothing and records nothing.
        let events = try store.auditEvents().count
        let again = try service.board(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(try store.auditEvents().count == events)
        #expect(again.rows.map(\.status) == board.rows.map(\.status))

        // Deciding every reclass completes its task, with the counts as evidence, audited once.
        _ = try store.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "test")
        for stored in reclasses {
            _ = try store.decideAdjustment(id: stored.id, sourceKey: key, approved: false, actor: "bob", note: "not now", policy: ApprovalPolicy())
        }
        let decided = try service.board(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(decided.row("reclasses-decided")?.status == .done)
        #expect(decided.row("reclasses-decided")?.task.evidence?.counts == ["rejected": reclasses.count])
        #expect(try store.auditEvents().filter { $0.action == "checklist.task.completed" }.count == 2)
    }

    @Test func manualSignOffNeedsItsDependenciesAndAComment() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        let service = ChecklistService(store: store, actor: "carol")
        _ = try service.board(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(throws: ChecklistError.automatic("bank-reconciled", explanation: TaskCompletion.checks(
            ["unreconciled-statement-line", "bank-balance-mismatch", "suspense-not-zero"]).explanation)) {
            try service.signOff(sourceKey: key, period: period, taskKey: "bank-reconciled", comment: "done", asOf: Self.asOf)
        }
        #expect(throws: ChecklistError.automatic("period-locked", explanation: TaskCompletion.lock.explanation)) {
            try service.signOff(sourceKey: key, period: period, taskKey: "period-locked", comment: "lock it", asOf: Self.asOf)
        }
        #expect(throws: ChecklistError.dependenciesNotDone("flux-reviewed", ["blocking-checks-clean", "bank-reconciled", "accruals-decided",
                                                                             "deferrals-decided", "reclasses-decided"])) {
            try service.signOff(sourceKey: key, period: period, taskKey: "flux-reviewed", comment: "reviewed", asOf: Self.asOf)
        }
        #expect(throws: ChecklistError.commentRequired("intercompany-agreed")) {
            try service.signOff(sourceKey: key, period: nil, taskKey: "intercompany-agreed", comment: "  ", asOf: Self.asOf)
        }
        #expect(throws: ChecklistError.unknownTask("coffee", period: period, known: ChecklistTemplate.builtIn.tasks.map(\.key))) {
            try service.signOff(sourceKey: key, period: period, taskKey: "coffee", comment: "x", asOf: Self.asOf)
        }
        let signed = try service.signOff(sourceKey: key, period: nil, taskKey: "intercompany-agreed", comment: "one company, nothing to agree", asOf: Self.asOf)
        let row = try #require(signed.row("intercompany-agreed"))
        #expect(row.status == .done && row.task.comment == "one company, nothing to agree" && row.task.completedBy == "carol")
        #expect(throws: ChecklistError.self) {
            try service.signOff(sourceKey: key, period: period, taskKey: "intercompany-agreed", comment: "again", asOf: Self.asOf)
        }
        let event = try #require(try store.auditEvents().last { $0.action == "checklist.task.signed-off" })
        #expect(event.actor == "carol" && event.payload.contains("one company, nothing to agree"))
        // A sign-off stays when everything is evaluated again.
        #expect(try service.board(sourceKey: key, period: period, asOf: Self.asOf).row("intercompany-agreed")?.status == .done)
    }

    @Test func anAutomaticTaskReopensWhenItsCheckFailsAgainUnlessALaterTaskIsDone() async throws {
        let (store, key, period, checks) = try await ClosedDemo.make(asOf: Self.asOf)
        let template = try ChecklistTemplate(origin: "small.yaml", bytes: Data("""
            schema_version: 1
            tasks:
              - {id: no-gaps, title: No gaps, owner: preparer, due: 1, completion: {check: sequence-gap}}
              - {id: reviewed, title: Reviewed, owner: controller, due: 2, depends_on: [no-gaps], completion: manual}
            """.utf8))
        let service = ChecklistService(store: store, actor: "dave")
        func check(_ findings: [Finding]) throws {
            let run = try store.startRun(kind: "check", period: period.description, actor: "test")
            _ = try store.saveFindings(findings, runID: run, sourceKey: key, period: period, actor: "test")
        }
        let gap = Finding(checkID: "sequence-gap", severity: .warning, period: period, company: checks.findings[0].company,
                          records: [RecordRef(model: "account.journal", id: 1, name: "Bank")], message: "a gap")
        try check([])
        #expect(try service.board(sourceKey: key, period: period, asOf: Self.asOf, template: template).row("no-gaps")?.status == .done)
        try check([gap])
        let reopened = try service.board(sourceKey: key, period: period, asOf: Self.asOf, template: template)
        #expect(reopened.row("no-gaps")?.status == .overdue && reopened.row("no-gaps")?.waitingOn == ["1 sequence-gap finding (warning)"])
        #expect(reopened.row("reviewed")?.status == .blocked)
        #expect(try store.auditEvents().contains { $0.action == "checklist.task.reopened" })
        // An advisory finding does not hold it open.
        var advisory = gap
        advisory.severity = .advisory
        try check([advisory])
        _ = try service.board(sourceKey: key, period: period, asOf: Self.asOf, template: template)
        _ = try service.signOff(sourceKey: key, period: period, taskKey: "reviewed", comment: "reviewed the numbering", asOf: Self.asOf)
        try check([gap])
        let regressed = try service.board(sourceKey: key, period: period, asOf: Self.asOf, template: template)
        #expect(regressed.row("no-gaps")?.status == .done && regressed.row("no-gaps")?.regressed?.contains("1 sequence-gap finding") == true)
        // The built-in template given later does not replace the one the checklist started from.
        #expect(try service.board(sourceKey: key, period: period, asOf: Self.asOf).templateNote?.contains("small.yaml") == true)
    }
}
