import Ledger

/// Triage's step for the company's dismissals that hold on the check's day: the findings a dismissal covers leave the
/// list, and one advisory note per dismissal says what it set aside, by whom, until when and why, with the hidden
/// records as its evidence. A dismissal wider than the record never hides a blocking finding: the note says so.
struct DismissalFilter {
    let facts: RecordFacts
    let dismissals: [Dismissal]

    /// The findings left, and the notes of the dismissals that covered something.
    func apply(_ findings: [Finding]) -> (kept: [Finding], notes: [Finding]) {
        let holding = dismissals.filter { $0.holds(on: facts.context.asOf) }
        guard !holding.isEmpty else { return (findings, []) }
        let reach = RecordReach(facts: facts)
        let amounts = holding.map(Self.recordAmounts)
        var hidden = [[Finding]](repeating: [], count: holding.count), stayed = [[Finding]](repeating: [], count: holding.count)
        var kept: [Finding] = []
        for finding in findings {
            let covering = holding.indices.filter { covers(holding[$0], amounts[$0], finding, reach) }
            if let hider = covering.first(where: { finding.severity != .blocking || holding[$0].scope.choice == .record }) {
                hidden[hider].append(finding)
            } else {
                if let first = covering.first { stayed[first].append(finding) }
                kept.append(finding)
            }
        }
        let notes = holding.indices.compactMap { note(holding[$0], hidden: hidden[$0], stayed: stayed[$0]) }
        return (kept, notes)
    }

    /// A record-scoped dismissal's records with their amounts when dismissed.
    static func recordAmounts(_ dismissal: Dismissal) -> [RecordKey: Int64?] {
        guard case .records(let records) = dismissal.scope else { return [:] }
        return Dictionary(records.map { (RecordKey(model: $0.model, id: $0.id), $0.amount) }, uniquingKeysWith: { first, _ in first })
    }

    struct RecordKey: Hashable {
        var model: String
        var id: Int
    }

    /// Whether the dismissal covers the finding: its check, and every record in scope (for record scope, with the
    /// amount it had when dismissed: a changed amount is a new question).
    func covers(_ dismissal: Dismissal, _ amounts: [RecordKey: Int64?], _ finding: Finding, _ reach: RecordReach) -> Bool {
        guard dismissal.checkID == finding.checkID, !finding.records.isEmpty else { return false }
        switch dismissal.scope {
        case .kind: return true
        case .records:
            return finding.records.allSatisfy { record in
                amounts[RecordKey(model: record.model, id: record.id)].map { $0 == facts.amount(of: record) } ?? false
            }
        case .partner(let id, _): return reach.commonPartners(finding).contains(id)
        case .account(let id, _): return reach.commonAccounts(finding).contains(id)
        }
    }

    /// "3 findings of late-posting set aside by carol until 2027-03-31 (partner Acme): bulk import confirmed".
    func note(_ dismissal: Dismissal, hidden: [Finding], stayed: [Finding]) -> Finding? {
        guard !hidden.isEmpty || !stayed.isEmpty else { return nil }
        let context = facts.context
        // A group stands for its members: count them as the checks reported them.
        let count = hidden.reduce(0) { $0 + (Int($1.evidence["grouped"] ?? "") ?? 1) }
        let until = dismissal.until.map { " until \($0)" } ?? ""
        var message = hidden.isEmpty
            ? "Nothing of \(dismissal.checkID) set aside by the dismissal of \(dismissal.decidedBy)\(until) (\(dismissal.scope)): \(dismissal.reason)"
            : "\(count) \(count == 1 ? "finding" : "findings") of \(dismissal.checkID) set aside by \(dismissal.decidedBy)\(until) "
                + "(\(dismissal.scope)): \(dismissal.reason)"
        if !stayed.isEmpty {
            message += ". \(stayed.count) blocking \(stayed.count == 1 ? "finding it covers stays" : "findings it covers stay") listed: "
                + "only a dismissal of the record itself hides what blocks the close"
        }
        message += ". `closer findings dismissals` lists it; withdraw it there to see them again."
        // The dismissal's own record keeps the note's fingerprint apart from any finding's.
        let own = FindingRecord(model: "closer.dismissal", id: Int(dismissal.id), name: "dismissal #\(dismissal.id)")
        var evidence = ["setAside": String(count), "dismissal": String(dismissal.id), "scope": dismissal.scope.description,
                        "by": dismissal.decidedBy, "reason": dismissal.reason]
        if let until = dismissal.until { evidence["until"] = until.description }
        if !stayed.isEmpty { evidence["blockingKept"] = String(stayed.count) }
        return Finding(checkID: dismissal.checkID, severity: .advisory, period: context.period, company: context.companyRecord,
                       records: hidden.flatMap(\.records) + [own], message: message, evidence: evidence)
    }
}

extension Finding {
    /// A note triage wrote for a dismissal that set findings aside (its records are the hidden ones).
    public var isSetAsideNote: Bool { evidence["setAside"] != nil && records.last?.model == "closer.dismissal" }
}
