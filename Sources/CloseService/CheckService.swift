import CloseKit
import CloseStore
import Foundation
import Ledger

/// Runs the close-readiness checks on a pulled ledger, stores the findings as a run, and compares
/// them with the previous check of the same company and period.
public struct CheckService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    public func run(sourceKey: String, period: Period, asOf: LocalDate, rules: CheckRules = CheckRules()) throws -> CheckReport {
        let snapshot = try store.loadSnapshot(sourceKey: sourceKey)
        let runID = try store.startRun(kind: "check", period: period.description, actor: actor)
        do {
            let findings = CheckRegistry.run(CheckContext(snapshot: snapshot, period: period, asOf: asOf, rules: rules))
            let comparison = try store.saveFindings(findings, runID: runID, sourceKey: sourceKey, period: period, actor: actor)
            let report = CheckReport(source: sourceKey, company: snapshot.company.name, period: period, asOf: asOf, runID: runID,
                                     findings: findings, comparison: comparison)
            try store.finishRun(runID, status: "succeeded", summary: AuditPayload(report.countsBySeverity.mapValues(String.init)).canonicalJSON,
                                actor: actor)
            return report
        } catch {
            try? store.finishRun(runID, status: "failed", summary: AuditPayload(["error": String(describing: error)]).canonicalJSON, actor: actor)
            throw error
        }
    }

    /// The one ledger in the store, or an error that lists the choices.
    public static func onlySourceKey(in store: AppDatabase) throws -> String {
        let keys = try store.sourceKeys()
        guard keys.count == 1, let key = keys.first else {
            throw CheckServiceError.chooseSource(keys)
        }
        return key
    }
}

public enum CheckServiceError: Error, CustomStringConvertible {
    case chooseSource([String])

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
    public var source: String
    public var company: String
    public var period: Period
    public var asOf: LocalDate
    public var runID: Int64
    public var findings: [Finding]
    public var comparison: FindingsComparison

    public var countsBySeverity: [String: Int] {
        Dictionary(grouping: findings, by: \.severity.rawValue).mapValues(\.count)
    }

    /// Whether any finding is at least as severe as `threshold`.
    public func hasFinding(atLeast threshold: Severity) -> Bool { findings.contains { $0.severity <= threshold } }
}
