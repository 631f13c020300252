public import CloseChecks
public import CloseSettings
public import CloseStore
public import Ledger
import OdooLedger
import Foundation

/// `closer check --post-findings`: notes each finding on its record's Odoo chatter, with a To-Do for the
/// responsible user, exactly once. The store remembers every post; before posting a finding it has no
/// record of, Odoo is searched for the finding's marker, so a crash between Odoo's answer and the store
/// write does not post it twice on the retry.
public struct FindingPostService: Sendable {
    public var store: AppDatabase
    public var sourceKey: SourceKey
    public var actor: String
    /// The Odoo login that gets the To-Dos; nil gives each to its record's responsible user.
    public var toDoAssigneeLogin: String?
    let chatter: OdooChatter

    /// Fails before anything is sent when the mode never writes, or when the connection is not the
    /// database the findings were pulled from (their record ids would name other records).
    public init(store: AppDatabase, settings: OdooSettings, sourceKey: SourceKey, actor: String, toDoAssigneeLogin: String? = nil) throws {
        try settings.mode.requireWrites(for: "--post-findings")
        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the findings", action: "post them")
        self.store = store
        self.sourceKey = sourceKey
        self.actor = actor
        self.toDoAssigneeLogin = toDoAssigneeLogin
        chatter = OdooChatter(client: source.client)
    }

    /// The text that identifies a finding's note and to-do in Odoo.
    public static func marker(for finding: Finding) -> String { "[closer:\(finding.fingerprint)]" }

    /// Posts every finding at least as severe as `threshold`, with a To-Do for those at least as severe as
    /// `toDoThreshold` (a note alone for the others); one failure does not stop the others. `assignees` gives
    /// a finding's To-Do (by fingerprint) to that Odoo user id instead, e.g. an expense report's approver.
    public func post(_ findings: [Finding], atLeast threshold: Severity, toDoAtLeast toDoThreshold: Severity = .advisory,
                     assignees: [String: Int] = [:], asOf: LocalDate) async throws -> FindingPostReport {
        var report = FindingPostReport()
        // A login Odoo does not know (or a portal user) leaves each To-Do with its record's responsible user.
        let assignee = if let toDoAssigneeLogin { try await chatter.internalUser(login: toDoAssigneeLogin) } else { Int?.none }
        for finding in findings where finding.severity <= threshold {
            try Task.checkCancellation()
            var outcome = FindingPostOutcome(checkID: finding.checkID, severity: finding.severity, fingerprint: finding.fingerprint,
                                             record: finding.records.first)
            do {
                switch try await post(finding, toDo: finding.severity <= toDoThreshold, assignee: assignees[finding.fingerprint] ?? assignee, asOf: asOf,
                                      into: &outcome) {
                case .posted: report.posted.append(outcome)
                case .alreadyPosted: report.alreadyPosted.append(outcome)
                case .skipped: report.skipped.append(outcome)
                }
            } catch {
                outcome.reason = String(describing: error)
                _ = try? store.recordAudit(NewAuditEvent(actor: actor, action: "finding.post.failed", targets: Self.targets(finding),
                                                         payload: payload(finding, ["error": String(describing: error)]), outcome: "failed"))
                report.failed.append(outcome)
            }
        }
        return report
    }

    private enum Status { case posted, alreadyPosted, skipped }

    /// Posts what Odoo does not hold yet and records it, filling `outcome` with where it went.
    private func post(_ finding: Finding, toDo: Bool, assignee: Int?, asOf: LocalDate, into outcome: inout FindingPostOutcome) async throws -> Status {
        guard let record = finding.records.first else {
            outcome.reason = "the finding names no record"
            return .skipped
        }
        if let stored = try store.findingPost(sourceKey: sourceKey, fingerprint: finding.fingerprint, model: record.model, resID: record.id) {
            outcome.fill(from: stored)
            return .alreadyPosted
        }
        guard let thread = try await chatter.thread(for: record) else {
            outcome.reason = "Odoo gives \(record.model) no chatter"
            return .skipped
        }
        let marker = Self.marker(for: finding)
        let existingMessage = try await chatter.message(containing: marker, on: thread)
        let takesToDo = toDo && thread.takesActivities
        let existingActivity = takesToDo ? try await chatter.activity(containing: marker, on: thread) : nil
        let needsActivity = takesToDo && existingActivity == nil
        if existingMessage == nil || needsActivity {
            // The intent is on the audit trail before anything is written to Odoo.
            try store.recordAudit(NewAuditEvent(actor: actor, action: "finding.post.started", targets: Self.targets(finding),
                                                payload: payload(finding, ["thread": "\(thread.model)#\(thread.id)"])))
        }
        let messageID: Int
        if let existingMessage { messageID = existingMessage } else {
            messageID = try await chatter.postNote(Self.note(finding, marker: marker), on: thread)
        }
        let activityID = needsActivity
            ? try await chatter.scheduleToDo(on: thread, summary: "Closer: \(finding.checkID)", note: "\(finding.message) \(marker)", deadline: asOf,
                                            assignee: assignee)
            : existingActivity
        let post = try store.recordFindingPost(FindingPost(
            sourceKey: sourceKey, fingerprint: finding.fingerprint, model: record.model, resID: record.id, checkID: finding.checkID,
            period: finding.period.description, threadModel: thread.model, threadID: thread.id, messageID: messageID,
            activityID: activityID, foundInOdoo: existingMessage != nil), actor: actor)
        outcome.fill(from: post)
        return post.foundInOdoo ? .alreadyPosted : .posted
    }

    static func note(_ finding: Finding, marker: String) -> String {
        "Closer (\(finding.severity.rawValue), check \(finding.checkID), period \(finding.period)): \(finding.message) \(marker)"
    }

    static func targets(_ finding: Finding) -> [AuditTarget] {
        finding.records.prefix(1).map { AuditTarget(model: $0.model, id: String($0.id), name: $0.name) }
    }

    func payload(_ finding: Finding, _ extra: [String: String]) -> AuditPayload {
        AuditPayload(["source": sourceKey.text, "fingerprint": finding.fingerprint, "check": finding.checkID,
                      "severity": finding.severity.rawValue, "period": finding.period.description].merging(extra) { $1 })
    }
}
