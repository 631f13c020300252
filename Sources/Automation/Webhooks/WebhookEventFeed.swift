import CloseChecks
public import CloseStore
public import Ledger
public import Foundation
import BankMatching
import Adjustments
import Payables
import Receivables
import CloseWorkflows
import Governance

/// Turns what happened into webhook events: the audit trail after the feed's stored cursor (findings a
/// check run opened, proposals waiting for approval, periods whose lock was verified) and the checklists
/// (tasks past their due date). Every event has a stable key, so feeding again enqueues nothing twice;
/// an event about something already decided meanwhile (a proposal approved) is not sent.
public struct WebhookEventFeed: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) { self.store = store }

    /// The events since the cursor and the tasks overdue on `asOf`, with the audit sequence they reach.
    public func events(asOf: LocalDate) throws -> (events: [WebhookEvent], cursor: Int64) {
        let after = try store.webhookFeedCursor()
        var cursor = after
        var events: [WebhookEvent] = []
        for audit in try store.auditEvents(from: after + 1) {
            cursor = audit.seq
            events += try Self.events(from: audit, store)
        }
        events += try store.overdueChecklistTasks(asOf: asOf).map(Self.overdue)
        events += try IncidentFinder(store: store).incidents().map(Self.incident)
        return (events, cursor)
    }

    /// Enqueues the events for the targets subscribed to them and moves the cursor; returns the new deliveries.
    @discardableResult
    public func enqueue(for targets: [WebhookTarget], asOf: LocalDate, at date: Date = Date()) throws -> Int {
        let (events, cursor) = try events(asOf: asOf)
        return try store.enqueueWebhookEvents(events, targets: targets, feedCursor: cursor, at: date)
    }

    static func events(from audit: AuditEvent, _ store: AppDatabase) throws -> [WebhookEvent] {
        let payload = (try? JSONDecoder().decode([String: String].self, from: Data(audit.payload.utf8))) ?? [:]
        let source = SourceKey(payload["source"] ?? ""), period = payload["period"]
        guard let target = audit.targets.first, let id = Int64(target.id) else { return [] }
        func event(_ key: String, _ type: WebhookEventType, source: SourceKey, period: String?, _ details: [String: String]) -> WebhookEvent {
            WebhookEvent(key: key, type: type, source: source, period: period, occurredAt: audit.recordedAt, details: details)
        }
        switch audit.action {
        case "checks.recorded":
            return try store.newFindings(checkRunID: id).map { finding in
                event("finding.opened/\(source)/\(finding.period)/run-\(id)/\(finding.fingerprint)", .findingOpened, source: source,
                      period: finding.period.description, findingDetails(finding))
            }
        case "adjustment.proposed", "adjustment.reproposed", "adjustment.approval.voided":
            // Only the version that is still waiting: a later audit event describes a newer one.
            guard let (source, stored) = try store.adjustmentAwaitingReview(id: id), stored.evidenceSHA256 == payload["evidence_sha256"] else { return [] }
            let proposal = stored.proposal
            return [event("proposal.needs-approval/adjustment/\(id)/\(stored.evidenceSHA256.prefix(16))", .proposalNeedsApproval, source: source,
                          period: proposal.period.description,
                          ["proposal": "adjustment", "id": String(id), "kind": proposal.kind.rawValue, "subject": proposal.subject,
                           "amount": proposal.entry.total?.decimalText ?? "", "currency": proposal.entry.total.map { "\($0.currency)" } ?? "",
                           "confidence": String(format: "%.2f", proposal.confidence), "reason": proposal.reason])]
        case "match.proposed":
            return try store.matchProposalsAwaitingReview(runID: id).map { stored in
                let match = stored.proposal
                return event("proposal.needs-approval/bank-match/\(stored.id)", .proposalNeedsApproval, source: source, period: period,
                             ["proposal": "bank-match", "id": String(stored.id), "statementLine": String(match.statementLineID),
                              "text": match.text, "amount": match.amount.decimalText, "currency": "\(match.amount.currency)",
                              "decision": match.decision.rawValue, "documents": (match.best?.documents ?? []).joined(separator: ", ")])
            }
        case "lock.verified":
            let request = try store.lockRequest(id: id, sourceKey: source)
            return [event("period.locked/\(source)/\(id)", .periodLocked, source: source, period: request.period.description,
                          ["lockRequest": String(id), "fields": request.fields.map(\.rawValue).joined(separator: ","),
                           "approvedBy": request.approvedBy ?? audit.actor])]
        case "payables.bill.held", "payables.bill.needs-approval", "payables.bill.warned":
            // Only while the bill still stands as this event left it (not released or cleared since).
            guard let review = try store.billReview(sourceKey: source, billID: Int(id)), review.status != .clear, review.status != .released,
                  review.verdict.action?.rawValue == payload["action"] else { return [] }
            var details = payload.filter { ["vendor", "reference", "amount", "currency", "action", "reasons"].contains($0.key) }
            details["bill"] = target.name ?? String(id)
            details["billID"] = String(id)
            let at = "\(source)/\(id)/\(audit.seq)"
            var events: [WebhookEvent] = []
            if audit.action == "payables.bill.held" { events.append(event("bill.held/\(at)", .billHeld, source: source, period: nil, details)) }
            if audit.action == "payables.bill.needs-approval" {
                events.append(event("bill.needs-approval/\(at)", .billNeedsApproval, source: source, period: nil, details))
            }
            if payload["exceptions"] != "0" { events.append(event("bill.match-exception/\(at)", .billMatchException, source: source, period: nil, details)) }
            return events
        case "payables.approval.routed":
            // Only while that route still waits: the stored route entered with this event (not replaced since), undecided.
            guard let approval = try store.billApproval(sourceKey: source, billID: Int(id)), approval.enteredAt == audit.recordedAt,
                  approval.decisions.isEmpty, let waiting = approval.waiting() else { return [] }
            return [event("bill.needs-approval/\(source)/\(id)/\(audit.seq)", .billNeedsApproval, source: source, period: nil,
                          ["bill": target.name ?? String(id), "billID": String(id), "amount": payload["amount"] ?? "", "currency": payload["currency"] ?? "",
                           "levels": payload["levels"] ?? "", "waitingFor": ApprovalLevel.anyOf(waiting.roles), "reason": waiting.reason])]
        case "receivables.credit.hold.proposed", "receivables.credit.hold.applied", "receivables.credit.hold.released":
            // Only while the hold still stands as this event left it (a proposal not decided since, a block not released since).
            let type: WebhookEventType = switch audit.action {
            case "receivables.credit.hold.proposed": .creditHoldProposed
            case "receivables.credit.hold.applied": .creditHoldApplied
            default: .creditHoldReleased
            }
            guard let hold = try? store.creditHold(id: id), hold.status.rawValue == payload["status"] else { return [] }
            var details = payload.filter { ["partner", "exposure", "limit", "seriously_overdue", "currency", "reasons", "reason"].contains($0.key) }
            details["hold"] = String(id)
            details["partnerID"] = String(hold.partnerID)
            return [event("\(type.rawValue)/\(source)/\(id)", type, source: source, period: nil, details)]
        case "receivables.reminder.drafted":
            // Only while the draft still waits (not approved, rejected or superseded since).
            guard let reminderID = payload["reminder"].flatMap(Int64.init), let reminder = try? store.reminder(id: reminderID),
                  reminder.status == .drafted else { return [] }
            var details = payload.filter { ["customer", "level", "channel", "total", "currency", "invoices", "escalated"].contains($0.key) }
            details["reminder"] = String(reminderID)
            details["customerID"] = String(reminder.draft.customerID)
            details["signedBy"] = reminder.draft.level.signedBy.rawValue
            return [event("reminder.ready/\(source)/\(reminderID)", .reminderReady, source: source, period: nil, details)]
        case "receivables.promise.broken":
            guard let promiseID = payload["promise"] else { return [] }
            var details = payload.filter { ["customer", "promisedOn", "amount", "currency", "invoices", "note"].contains($0.key) }
            details["customerID"] = String(id)
            return [event("promise.broken/\(source)/\(promiseID)", .promiseBroken, source: source, period: nil, details)]
        case "operations.exception.opened" where payload["family"] == ExceptionFamily.duties.rawValue:
            // Only while the conflict still stands (not resolved by a later review).
            guard let fingerprint = payload["fingerprint"],
                  let sighting = try store.exceptionSighting(sourceKey: source, family: .duties, fingerprint: fingerprint), sighting.resolvedAt == nil else {
                return []
            }
            var details = payload.filter { ["kind", "subject", "reason"].contains($0.key) }
            details["record"] = target.name.map { "\(target.model) \($0)" } ?? target.model
            return [event("sod.conflict/\(source)/\(fingerprint)/\(audit.seq)", .sodConflict, source: source, period: nil, details)]
        case "treasury.payment.run.proposed":
            // Only while the run still waits (not approved, rejected or superseded since).
            guard let run = try? store.paymentRun(id: id), run.status == .proposed else { return [] }
            var details = payload.filter { ["execution_date", "payments", "left_out", "totals"].contains($0.key) }
            details["run"] = run.reference
            details["runID"] = String(id)
            details["proposedBy"] = run.proposed.by
            return [event("payment.run.ready/\(source)/\(id)", .paymentRunReady, source: source, period: nil, details)]
        case "treasury.bank.change.found":
            // Only the change that holds the account now: the latest to where money goes, not verified by a second person since.
            guard let held = try HeldBankAccounts(store: store, coolOffDays: 0).account(Int(id), sourceKey: source, asOf: .todayUTC()), held.unverified,
                held.change == payload["kind"], held.changedAt == payload["changed_at"] else { return [] }
            var details = ["accountID": String(id), "partnerID": String(held.partnerID), "change": held.change, "changedBy": held.changedBy.joined(separator: ", "),
                           "changedAt": held.changedAt, "releasedBy": held.releasedBy]
            details["detail"] = held.detail
            return [event("bank.change.held/\(source)/\(id)/\(held.change)/\(held.changedAt)", .bankChangeHeld, source: source, period: nil, details)]
        default:
            return []
        }
    }

    /// An incident pages once: its key stands while the incident does.
    static func incident(_ incident: TechnicalIncident) -> WebhookEvent {
        WebhookEvent(key: "incident.opened/\(incident.key)", type: .incidentOpened, source: SourceKey(""), period: nil,
                     occurredAt: Timestamp(secondsSinceEpoch: Int64(incident.since.timeIntervalSince1970)).description.replacingOccurrences(of: " ", with: "T") + ".000Z",
                     details: ["kind": incident.kind.rawValue, "subject": incident.subject, "detail": incident.detail, "owner": incident.owner])
    }

    static func findingDetails(_ finding: Finding) -> [String: String] {
        var details = ["check": finding.checkID, "severity": finding.severity.rawValue, "message": finding.message,
                       "records": finding.records.map { "\($0.model) \($0.name)" }.joined(separator: "; ")]
        details["link"] = finding.records.first?.link
        return details
    }

    static func overdue(_ item: (sourceKey: SourceKey, period: Period, task: ChecklistTask)) -> WebhookEvent {
        let task = item.task
        // The first moment the task was overdue: the start of the day after its due date.
        return WebhookEvent(key: "task.overdue/\(item.sourceKey)/\(item.period)/\(task.key)", type: .taskOverdue, source: item.sourceKey,
                            period: item.period.description, occurredAt: "\(task.dueDate.adding(days: 1))T00:00:00.000Z",
                            details: ["task": task.key, "title": task.title, "owner": task.owner, "due": task.dueDate.description])
    }
}
