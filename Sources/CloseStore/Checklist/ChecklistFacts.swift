public import CloseChecks
public import Ledger

/// What the store knows about a company's period that automatic checklist tasks are judged on.
public struct ChecklistFacts: Sendable, Hashable {
    public var period: Period
    /// The pulled ledger's window covers the whole period.
    public var ledgerCoversPeriod: Bool
    /// The latest check run of the period, and its findings per check and severity.
    public var checkRunID: Int64?
    public var findings: [String: [Severity: Int]]
    /// Whether a propose (adjustments) and a reconcile (bank matching) run of the period succeeded.
    public var proposeRan: Bool
    public var reconcileRan: Bool
    /// Adjusting-entry proposals of the period per kind and status; bank-match proposals per status.
    public var adjustments: [String: [AdjustmentStatus: Int]]
    public var bankMatches: [MatchProposalStatus: Int]
    /// A lock request of the period ended verified in Odoo.
    public var lockVerified: Bool = false

    public init(period: Period, ledgerCoversPeriod: Bool = false, checkRunID: Int64? = nil, findings: [String: [Severity: Int]] = [:],
                proposeRan: Bool = false, reconcileRan: Bool = false, adjustments: [String: [AdjustmentStatus: Int]] = [:],
                bankMatches: [MatchProposalStatus: Int] = [:]) {
        self.period = period
        self.ledgerCoversPeriod = ledgerCoversPeriod
        self.checkRunID = checkRunID
        self.findings = findings
        self.proposeRan = proposeRan
        self.reconcileRan = reconcileRan
        self.adjustments = adjustments
        self.bankMatches = bankMatches
    }

    /// Whether an automatic rule holds, with the evidence and, when it does not, what keeps it open.
    /// Advisory findings never hold a task open: they are information, not something to fix before close.
    public func assess(_ completion: TaskCompletion) -> TaskAssessment {
        switch completion {
        case .manual:
            return TaskAssessment(isComplete: false, evidence: TaskEvidence(summary: "manual sign-off"), waitingOn: ["a sign-off with a comment"])
        case .lock:
            return TaskAssessment(isComplete: lockVerified, evidence: TaskEvidence(summary: lockVerified ? "the lock of \(period) is verified in Odoo" : "\(period) is not locked"),
                                  waitingOn: lockVerified ? [] : ["an approved lock of \(period) (`closer lock request --period \(period)`)"])
        case .pull:
            let summary = ledgerCoversPeriod ? "the stored ledger covers \(period)" : "the stored ledger does not cover \(period)"
            return TaskAssessment(isComplete: ledgerCoversPeriod, evidence: TaskEvidence(summary: summary),
                                  waitingOn: ledgerCoversPeriod ? [] : ["a pull of \(period) (`closer pull --period \(period)`)"])
        case .checks(let ids):
            guard let checkRunID else {
                return TaskAssessment(isComplete: false, evidence: TaskEvidence(summary: "no check run of \(period)"),
                                      waitingOn: ["a check run of \(period) (`closer check --period \(period)`)"])
            }
            var counts: [String: Int] = [:]
            var waiting: [String] = []
            for id in ids {
                let bySeverity = findings[id] ?? [:]
                let open = (bySeverity[.blocking] ?? 0) + (bySeverity[.warning] ?? 0)
                counts[id] = open
                if open > 0 {
                    let worst = (bySeverity[.blocking] ?? 0) > 0 ? "blocking" : "warning"
                    waiting.append("\(open) \(id) finding\(open == 1 ? "" : "s") (\(worst))")
                }
            }
            let summary = waiting.isEmpty ? "check run \(checkRunID): no finding at warning or worse"
                                          : "check run \(checkRunID): " + waiting.joined(separator: ", ")
            return TaskAssessment(isComplete: waiting.isEmpty, evidence: TaskEvidence(summary: summary, checkRunID: checkRunID, counts: counts),
                                  waitingOn: waiting)
        case .proposals(let kinds):
            var counts: [String: Int] = [:]
            var waiting: [String] = []
            var decided = 0
            for kind in kinds {
                let isBank = kind == TaskCompletion.bankMatch
                guard isBank ? reconcileRan : proposeRan else {
                    waiting.append(isBank ? "a reconcile run of \(period) (`closer reconcile --period \(period)`)"
                                          : "a propose run of \(period) (`closer propose --period \(period)`)")
                    continue
                }
                let (undecided, settled) = isBank ? Self.tally(bankMatches, waiting: .proposed, into: &counts)
                                                  : Self.tally(adjustments[kind] ?? [:], waiting: .proposed, into: &counts)
                decided += settled
                if undecided > 0 { waiting.append("\(undecided) \(kind) proposal\(undecided == 1 ? "" : "s") waiting for review") }
            }
            let summary = waiting.isEmpty ? "\(decided) proposal\(decided == 1 ? "" : "s") decided, none waiting" : waiting.joined(separator: ", ")
            return TaskAssessment(isComplete: waiting.isEmpty, evidence: TaskEvidence(summary: summary, counts: counts), waitingOn: waiting)
        }
    }

    /// Adds proposals per status to `counts` under the stored text (what the evidence shows); returns how many wait and how many are decided.
    private static func tally<Status: RawRepresentable<String> & Hashable>(_ byStatus: [Status: Int], waiting: Status,
                                                                         into counts: inout [String: Int]) -> (waiting: Int, decided: Int) {
        for (status, count) in byStatus { counts[status.rawValue, default: 0] += count }
        let undecided = byStatus[waiting] ?? 0
        return (undecided, byStatus.values.reduce(0, +) - undecided)
    }
}

/// The verdict on an automatic task.
public struct TaskAssessment: Sendable, Hashable {
    public var isComplete: Bool
    public var evidence: TaskEvidence
    /// What keeps the task open, with counts, in words for the board.
    public var waitingOn: [String]
}
