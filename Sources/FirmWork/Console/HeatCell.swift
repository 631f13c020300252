import CloseWorkflows
import JobQueue

/// One cell of the heat map: its text and how hot it is.
struct HeatCell {
    enum Heat: String { case ok, warn, bad, none }

    var text: String
    var heat: Heat

    /// Readiness, blockers, exceptions, days to close and the queue, in the heat map's column order.
    static func row(_ card: TenantCard) -> [HeatCell] {
        [readiness(card), blockers(card), exceptions(card), daysToClose(card), queue(card)]
    }

    static func readiness(_ card: TenantCard) -> HeatCell {
        if let problem = card.problem { return HeatCell(text: "store unreadable: \(problem)", heat: .bad) }
        guard let status = card.status else { return HeatCell(text: "not pulled", heat: .none) }
        let text = "\(Int((status.readiness * 100).rounded(.down)))% (\(status.tasksDone) of \(status.tasksTotal) tasks)"
        return HeatCell(text: text, heat: status.readiness >= 1 ? .ok : status.readiness >= 0.5 ? .warn : .bad)
    }

    static func blockers(_ card: TenantCard) -> HeatCell {
        guard let status = card.status else { return HeatCell(text: "—", heat: .none) }
        if status.locked { return HeatCell(text: "locked", heat: .ok) }
        return HeatCell(text: "\(status.blockers.count)", heat: status.blockers.isEmpty ? .ok : .bad)
    }

    /// Blocking and warning findings not waived, and open business exceptions: a handful is ordinary work, more is a
    /// close in trouble.
    static func exceptions(_ card: TenantCard) -> HeatCell {
        guard let status = card.status, status.findingsBySeverity != nil || status.businessExceptions > 0 else {
            return HeatCell(text: "not checked", heat: .none)
        }
        let findings = status.findingsBySeverity == nil ? "not checked" : "\(status.exceptions)"
        let text = status.businessExceptions == 0 ? findings : "\(findings) + \(status.businessExceptions) business"
        let total = status.exceptions + status.businessExceptions
        return HeatCell(text: text, heat: total == 0 ? .ok : total <= 5 ? .warn : .bad)
    }

    static func daysToClose(_ card: TenantCard) -> HeatCell {
        if card.status?.locked == true { return HeatCell(text: "closed", heat: .ok) }
        guard let days = card.daysToClose else { return HeatCell(text: "no calendar", heat: .none) }
        if days < 0 { return HeatCell(text: "\(-days) day\(days == -1 ? "" : "s") late", heat: .bad) }
        return HeatCell(text: days == 0 ? "due today" : "\(days) day\(days == 1 ? "" : "s")", heat: days <= 2 ? .warn : .ok)
    }

    /// The latest job: a failed or dead one is a technical incident for whoever runs the workers.
    static func queue(_ card: TenantCard) -> HeatCell {
        guard let job = card.jobs.first else { return HeatCell(text: "no job yet", heat: .none) }
        let text = "\(job.kind.rawValue) \(job.state.rawValue)"
        switch job.state {
        case .dead, .failed: return HeatCell(text: text, heat: .bad)
        case .queued, .leased: return HeatCell(text: text, heat: .warn)
        case .succeeded: return HeatCell(text: text, heat: .ok)
        }
    }
}
