public import CloseStore
import Foundation
public import Governance
import OdooRPC

/// The technical incidents standing now: a schedule or kind of run whose latest run failed (Odoo unreachable when its
/// error says so), and every webhook delivery that gave up. A later successful run ends its incident; a re-queued
/// delivery leaves the dead letters.
public struct IncidentFinder: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) { self.store = store }

    public func incidents() throws -> [TechnicalIncident] {
        var incidents: [TechnicalIncident] = []
        var schedulesSeen: Set<String> = []
        for run in try store.scheduledRuns() where [.succeeded, .failed, .interrupted].contains(run.status) {
            // Newest first: the first finished run of each schedule and company is where it stands.
            guard schedulesSeen.insert("\(run.scheduleName)/\(run.sourceKey)").inserted, run.status != .succeeded else { continue }
            incidents.append(incident(error: run.summary, key: "scheduled-run/\(run.id)",
                                      subject: "scheduled run \(run.scheduleName) of \(run.sourceKey) (\(run.period))", since: run.finishedAt ?? run.startedAt))
        }
        var kindsSeen: Set<String> = []
        for run in try store.runs(limit: 500) where run.status != .running {
            guard kindsSeen.insert(run.kind).inserted, run.status != .succeeded else { continue }
            let error = (try? JSONDecoder().decode([String: String].self, from: Data(run.summary.utf8)))?["error"] ?? run.summary
            incidents.append(incident(error: run.status == .interrupted ? "the process stopped during the run" : error, key: "run/\(run.id)",
                                      subject: "\(run.kind) run \(run.id)\(run.period.map { " (\($0))" } ?? "")", since: run.finishedAt ?? run.startedAt))
        }
        // A page about a dead page is not paged again: that would chain without end while the pager is down.
        for delivery in try store.deadLetters() where delivery.eventType != .incidentOpened {
            incidents.append(TechnicalIncident(kind: .webhookDeadLetter, key: "webhook-delivery/\(delivery.id)",
                                               subject: "\(delivery.eventType.rawValue) to \(delivery.targetDisplay)",
                                               detail: "gave up after \(delivery.attempts) attempt(s): \(delivery.lastError ?? "no answer")",
                                               since: OpenExceptions.date(delivery.updatedAt)))
        }
        return incidents
    }

    private func incident(error: String, key: String, subject: String, since: String) -> TechnicalIncident {
        TechnicalIncident(kind: OdooError.saysUnreachable(error) ? .odooUnreachable : .runFailed, key: key, subject: subject, detail: error,
                          since: OpenExceptions.date(since))
    }
}
