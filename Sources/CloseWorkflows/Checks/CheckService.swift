public import CloseChecks
public import CloseSettings
public import CloseStore
public import Ledger
import Foundation

/// Runs the close-readiness checks on a pulled ledger, stores the findings as a run, and compares
/// them with the previous check of the same company and period.
public struct CheckService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// Runs the checks the rule set enables, with its rules, and records the rule set's version and
    /// hash in the run's summary and the report.
    public func run(sourceKey: SourceKey, period: Period, asOf: LocalDate, ruleSet: RuleSet = .builtIn) throws -> CheckReport {
        try store.requirePulled(period, sourceKey: sourceKey)
        let snapshot = try store.loadSnapshot(sourceKey: sourceKey)
        let runID = try store.startRun(kind: "check", period: period.description, actor: actor)
        do {
            // Closer's own applied bank matches rewrite statement entries; those changes are approved and audited already.
            let ownWrites = try store.entriesChangedByAppliedMatches(sourceKey: sourceKey)
            let changes = try store.moveChanges(sourceKey: sourceKey).filter { !ownWrites.contains($0.moveID) }.map {
                PostedChange(moveID: $0.moveID, moveName: $0.moveName, deleted: $0.kind == .deleted, writtenBy: $0.writtenBy, writtenAt: $0.writtenAt)
            }
            let context = CheckContext(snapshot: snapshot, period: period, asOf: asOf, rules: ruleSet.rules, postedChanges: changes)
            let checked = Self.findings(ruleSet, context).sorted {
                ($0.severity, $0.checkID, $0.records.first?.id ?? 0) < ($1.severity, $1.checkID, $1.records.first?.id ?? 0)
            }
            // Stored in the order a controller reads them: premises said once, systemic findings grouped, dismissals set
            // aside, ranked with each kind's history weighing its risk.
            let risk = FindingRiskInput(history: try store.findingDecisions(sourceKey: sourceKey))
            let findings = FindingTriage.apply(checked, context: context, rules: ruleSet.triage, systemUserIDs: ruleSet.anomalyThresholds.systemUserIDs,
                                               risk: risk, dismissals: try store.findingDismissals(sourceKey: sourceKey))
                .map { Self.linked($0, sourceKey: sourceKey) }
            let comparison = try store.saveFindings(findings, runID: runID, sourceKey: sourceKey, period: period, actor: actor)
            let report = CheckReport(source: sourceKey, company: snapshot.company.name, period: period, asOf: asOf, runID: runID,
                                     findings: findings, comparison: comparison,
                                     ruleSetVersion: ruleSet.schemaVersion, ruleSetHash: ruleSet.sha256)
            var summary = report.countsBySeverity.mapValues(String.init)
            summary["ruleSetVersion"] = String(ruleSet.schemaVersion)
            summary["ruleSetHash"] = ruleSet.sha256
            summary["ruleSetOrigin"] = ruleSet.origin
            if !ruleSet.disabledChecks.isEmpty { summary["disabledChecks"] = ruleSet.disabledChecks.joined(separator: ",") }
            try store.finishRun(runID, status: .succeeded, summary: AuditPayload(summary).canonicalJSON, actor: actor)
            return report
        } catch {
            try? store.finishRun(runID, status: .failed, summary: AuditPayload(["error": String(describing: error),
                                                                                 "ruleSetHash": ruleSet.sha256]).canonicalJSON, actor: actor)
            throw error
        }
    }

    /// Every finding the rule set asks for: the checks, the anomaly detectors, the prepaid costs expensed at once.
    public static func findings(_ ruleSet: RuleSet, _ context: CheckContext) -> [Finding] {
        CheckRegistry.run(ruleSet.checks, context) + AnomalyRegistry.run(ruleSet.detectors, context, ruleSet.anomalyThresholds)
            + PrepaidExpenseFindings.findings(ruleSet, context)
    }

    static func linked(_ finding: Finding, sourceKey: SourceKey) -> Finding {
        var linked = finding
        linked.company = linked.company.linked(sourceKey: sourceKey)
        linked.records = linked.records.map { $0.linked(sourceKey: sourceKey) }
        return linked
    }

    /// The one ledger in the store, or an error that lists the choices.
    public static func onlySourceKey(in store: AppDatabase) throws -> SourceKey {
        let keys = try store.sourceKeys()
        guard keys.count == 1, let key = keys.first else {
            throw CheckServiceError.chooseSource(keys)
        }
        return key
    }
}

public enum CheckServiceError: Error, CustomStringConvertible {
    case chooseSource([SourceKey])

    public var description: String {
        switch self {
        case .chooseSource(let keys) where keys.isEmpty:
            "The store holds no ledger yet: run `closer pull --period …` (or `closer demo`) first."
        case .chooseSource(let keys):
            "The store holds several ledgers; name one with --source:\n" + keys.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}

/// What `closer check` reports.
public struct CheckReport: Sendable, Codable {
    public var source: SourceKey
    public var company: String
    public var period: Period
    public var asOf: LocalDate
    public var runID: Int64
    public var findings: [Finding]
    public var comparison: FindingsComparison
    /// The rule set's schema_version and the SHA-256 of its file (of the built-in text for the defaults).
    public var ruleSetVersion: Int
    public var ruleSetHash: String
    /// What `--post-findings` noted on Odoo's chatters (absent without it).
    public var posts: FindingPostReport?

    public var countsBySeverity: [String: Int] {
        Dictionary(grouping: findings, by: \.severity.rawValue).mapValues(\.count)
    }

    /// What a controller reads first: every blocking finding, then the warnings risky or material enough (the rule set's `triage.first_screen_min_risk`).
    public var firstScreen: [Finding] { findings.filter { $0.ranking?.onFirstScreen ?? true } }

    /// The notes of the dismissals that set findings aside in this check, after everything else.
    public var setAside: [Finding] { findings.filter(\.isSetAsideNote) }

    /// The findings past the first screen (the dismissals' notes apart), counted by check id.
    public var foldedByCheck: [(checkID: String, count: Int)] {
        Dictionary(grouping: findings.filter { !($0.ranking?.onFirstScreen ?? true) && !$0.isSetAsideNote }, by: \.checkID)
            .map { ($0.key, $0.value.count) }.sorted { ($1.count, $0.checkID) < ($0.count, $1.checkID) }
    }

    /// Whether any finding is at least as severe as `threshold`.
    public func hasFinding(atLeast threshold: Severity) -> Bool { findings.contains { $0.severity <= threshold } }
}
