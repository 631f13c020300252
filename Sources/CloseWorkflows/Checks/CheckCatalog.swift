public import CloseChecks
import CloseSettings
import Adjustments

/// Every check and anomaly detector as users read about them: `closer checks list` prints this, and
/// docs/checks.md is generated from it (a test keeps the file equal to `markdown`), so there is one list.
public struct CheckCatalog: Sendable {
    public struct Entry: Sendable, Codable, Equatable {
        public var id: String
        /// "check" (deterministic) or "anomaly" (learns from the company's history).
        public var kind: String
        public var severity: Severity
        public var title: String
        public var explanation: String
        /// The rule-set keys that tune it, e.g. "anomalies.unusual-amount.min_robust_z".
        public var ruleKeys: [String]
    }

    public static var entries: [Entry] {
        let thresholds = RuleSet.thresholdFields
        return CheckRegistry.all.map {
            Entry(id: $0.id, kind: "check", severity: $0.severity, title: $0.title, explanation: $0.explanation,
                  ruleKeys: RuleSet.checkRuleKeys[$0.id] ?? [])
        } + AnomalyRegistry.all.map { detector in
            let own = (thresholds[detector.id] ?? []).map { "anomalies.\(detector.id).\($0.key)" }
            let shared = RuleSet.detectorsUsingSystemUsers.contains(detector.id) ? ["anomalies.system_user_ids"] : []
            return Entry(id: detector.id, kind: "anomaly", severity: .warning, title: detector.title, explanation: detector.explanation,
                         ruleKeys: shared + own)
        } + [Entry(id: PrepaidExpenseDetector.checkID, kind: "check", severity: .warning, title: PrepaidExpenseFindings.title,
                   explanation: PrepaidExpenseFindings.explanation, ruleKeys: PrepaidExpenseFindings.ruleKeys)]
    }

    /// The text of docs/checks.md.
    public static var markdown: String {
        var text = """
            # Checks and anomaly detectors

            Generated from Closer's registry by `closer checks docs > docs/checks.md`; do not edit by hand.
            Every id can be skipped with `disabled_checks` in the rule set (rules/closer-rules.yaml), which also
            holds every key named below. Blocking findings stop the period from being locked; warnings need a
            decision; advisories are for information. Anomaly findings carry a score (0–1) and a reason in words.

            | id | kind | severity | what it finds |
            |---|---|---|---|

            """
        for entry in entries { text += "| `\(entry.id)` | \(entry.kind) | \(entry.severity.rawValue) | \(entry.title) |\n" }
        for entry in entries {
            text += "\n## `\(entry.id)`: \(entry.title)\n\n\(entry.kind == "check" ? "Check" : "Anomaly detector"), \(entry.severity.rawValue). \(entry.explanation)\n"
            if !entry.ruleKeys.isEmpty { text += "\nTuned by: " + entry.ruleKeys.map { "`\($0)`" }.joined(separator: ", ") + ".\n" }
        }
        return text
    }
}

extension RuleSet {
    /// The deterministic checks that read a rule-set key.
    static let checkRuleKeys: [String: [String]] = [
        "missing-analytic": ["analytic_required_code_prefixes"],
        "missing-tax-on-income": ["tax_required_code_prefixes"],
        "suspense-not-zero": ["suspense_account_codes"],
        "clearing-not-zero": ["clearing_account_codes"],
        "late-posting": ["late_posting_grace_days"],
    ]

    static let detectorsUsingSystemUsers: Set<String> = ["weekend-posting", "unusual-user-journal"]
}
