import Adjustments
import CloseChecks
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Ledger
import Testing

/// `closer findings dismiss` end to end on the demo: who may dismiss, the audit trail, the next check setting aside what
/// the dismissal covers (and showing it again once withdrawn), and the decisions that weigh each kind's risk.
@Suite struct FindingDismissalServiceTests {
    static let asOf = LocalDate(iso: "2026-11-04")!
    static let until = LocalDate(iso: "2027-01-31")!

    static func users(_ store: AppDatabase) throws {
        try store.addUser(login: "carol", name: "Carol", roles: [.controller], odooUserID: nil, actor: "test")   // the first user: admin too
        try store.addUser(login: "paul", name: "Paul", roles: [.preparer], odooUserID: nil, actor: "carol")
        try store.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "carol")
    }

    @Test func theNextCheckSetsAsideADismissalMadeAfterTheFirstAndShowsItAgainOnceWithdrawn() async throws {
        let (store, key, period, first) = try await ClosedDemo.make(asOf: Self.asOf)
        try Self.users(store)
        let target = try #require(first.findings.first { $0.severity == .warning && $0.records.count == 1 })
        let fingerprint = target.fingerprint
        let service = { (actor: String) in FindingsService(store: store, actor: actor) }

        // An approver acts on findings but does not dismiss them; a preparer does, but not a whole check.
        #expect(throws: ApprovalRefusal(rule: "approval policy", message: "dismissing finding \(fingerprint) needs the preparer or controller role; bob holds approver")) {
            try service("bob").dismiss(fingerprint: fingerprint, scope: .record, reason: "known", until: nil, sourceKey: key, period: period,
                                       asOf: Self.asOf, rules: TriageRules())
        }
        #expect(throws: ApprovalRefusal.self) {
            try service("paul").dismiss(fingerprint: fingerprint, scope: .kind, reason: "known", until: Self.until, sourceKey: key, period: period,
                                        asOf: Self.asOf, rules: TriageRules())
        }
        #expect(throws: DismissalError.reasonRequired) {
            try service("paul").dismiss(fingerprint: fingerprint, scope: .record, reason: " ", until: nil, sourceKey: key, period: period,
                                        asOf: Self.asOf, rules: TriageRules())
        }
        #expect(try store.findingDismissals(sourceKey: key).isEmpty, "refusals store nothing")

        let dismissal = try service("paul").dismiss(fingerprint: fingerprint, scope: .record, reason: "confirmed with the vendor", until: Self.until,
                                                    sourceKey: key, period: period, asOf: Self.asOf, rules: TriageRules())
        #expect(dismissal.id > 0 && dismissal.decidedBy == "paul" && dismissal.checkID == target.checkID)
        let audited = try #require(try store.auditEvents().last)
        #expect(audited.action == "finding.dismissed" && audited.actor == "paul")
        #expect(audited.payload.contains(#""reason":"confirmed with the vendor""#) && audited.payload.contains(#""scope":"record""#)
                && audited.payload.contains(#""until":"2027-01-31""#), "\(audited.payload)")
        #expect(try store.findingDismissals(sourceKey: key) == [dismissal])

        // The second check, after the dismissal: the finding is set aside, with a note that names the dismissal and keeps its records.
        let second = try CheckService(store: store, actor: "test").run(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(!second.findings.contains { $0.fingerprint == fingerprint })
        let note = try #require(second.setAside.first)
        #expect(second.setAside.count == 1 && note.evidence["dismissal"] == String(dismissal.id))
        #expect(note.message.hasPrefix("1 finding of \(target.checkID) set aside by paul until 2027-01-31 (this record): confirmed with the vendor"))
        #expect(note.records.dropLast().map(\.id) == target.records.map(\.id) && note.ranking?.onFirstScreen == false)
        #expect(second.findings.filter { $0.checkID == target.checkID && !$0.isSetAsideNote }
            .allSatisfy { $0.ranking?.riskReason == "dismissed once and a real problem 0 times here before: risk × 0.83" })
        // A dismissal's note is not a finding to dismiss.
        #expect(throws: DismissalError.setAsideNote(dismissal: String(dismissal.id))) {
            try service("carol").dismiss(fingerprint: note.fingerprint, scope: .record, reason: "x", until: nil, sourceKey: key, period: period,
                                         asOf: Self.asOf, rules: TriageRules())
        }

        // Only whoever made it, or a controller, withdraws it; then the next check shows the finding again.
        #expect(throws: ApprovalRefusal.self) { try service("bob").withdrawDismissal(id: dismissal.id, sourceKey: key) }
        let withdrawn = try service("carol").withdrawDismissal(id: dismissal.id, sourceKey: key)
        #expect(withdrawn.withdrawnBy == "carol" && !withdrawn.holds(on: Self.asOf))
        #expect(try store.auditEvents().last.map { $0.action == "finding.dismissal-withdrawn" && $0.actor == "carol" } == true)
        #expect(throws: DismissalError.alreadyWithdrawn(dismissal.id)) { try service("carol").withdrawDismissal(id: dismissal.id, sourceKey: key) }
        #expect(try store.findingDismissals(sourceKey: key).isEmpty && store.findingDismissals(sourceKey: key, includingWithdrawn: true).count == 1)
        let third = try CheckService(store: store, actor: "test").run(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(third.findings.contains { $0.fingerprint == fingerprint } && third.setAside.isEmpty)
    }

    @Test func aWholeCheckNeedsAControllerAnExpiryAndStaysWithinTheRuleSetsLimit() async throws {
        let (store, key, period, first) = try await ClosedDemo.make(asOf: Self.asOf)
        try Self.users(store)
        let target = try #require(first.findings.first { $0.severity == .warning })
        let dismiss = { (until: LocalDate?) in
            try FindingsService(store: store, actor: "carol").dismiss(fingerprint: target.fingerprint, scope: .kind, reason: "not our practice", until: until,
                                                                     sourceKey: key, period: period, asOf: Self.asOf, rules: TriageRules(dismissalMaxDays: 30))
        }
        #expect(throws: DismissalError.expiryRequired(checkID: target.checkID)) { try dismiss(nil) }
        #expect(throws: DismissalError.expiryTooFar(Self.until, latest: LocalDate(iso: "2026-12-04")!, maxDays: 30)) { try dismiss(Self.until) }
        let dismissal = try dismiss(LocalDate(iso: "2026-12-04")!)
        #expect(dismissal.scope == .kind)
        let second = try CheckService(store: store, actor: "test").run(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(!second.findings.contains { $0.checkID == target.checkID && !$0.isSetAsideNote && $0.severity != .blocking })
        // After its last day it hides nothing.
        let later = try CheckService(store: store, actor: "test").run(sourceKey: key, period: period, asOf: LocalDate(iso: "2026-12-05")!)
        #expect(later.setAside.isEmpty && later.findings.contains { $0.fingerprint == target.fingerprint })
    }

    @Test func acknowledgementsAndApprovedAdjustmentsCountAsRealProblems() async throws {
        let (store, key, period, first) = try await ClosedDemo.make(asOf: Self.asOf)
        try Self.users(store)
        #expect(try store.findingDecisions(sourceKey: key).isEmpty)
        let target = try #require(first.findings.first { $0.severity == .warning })
        _ = try FindingsService(store: store, actor: "bob").setAside(fingerprint: target.fingerprint, kind: .acknowledged, reason: "fixing it",
                                                                    until: nil, sourceKey: key, period: period, asOf: Self.asOf)
        #expect(try store.findingDecisions(sourceKey: key) == [target.checkID: CheckDecisions(confirmed: 1)])

        // Approving every proposal: each check whose findings name a record an approved proposal names gains one per proposal.
        let proposals = try store.adjustments(sourceKey: key, period: period, statuses: [.proposed])
        _ = try AdjustmentService(store: store, actor: "carol").approve(ids: proposals.map(\.id), sourceKey: key, note: nil, policy: ApprovalPolicy())
        let approved = try store.adjustments(sourceKey: key, period: period, statuses: [.approved])
        #expect(!approved.isEmpty)
        var expected: [String: Int] = [target.checkID: 1]
        for (check, findings) in Dictionary(grouping: first.findings, by: \.checkID) {
            let named = Set(findings.flatMap(\.records).map { "\($0.model)#\($0.id)" })
            let count = approved.filter { !named.isDisjoint(with: $0.proposal.evidence.map { "\($0.model)#\($0.id)" }) }.count
            if count > 0 { expected[check, default: 0] += count }
        }
        #expect(expected.count > 1, "the demo's proposals name records its findings name")
        #expect(try store.findingDecisions(sourceKey: key).mapValues(\.confirmed) == expected)
    }
}
