/// A deterministic close-readiness check: a stable id, a title, a severity, and a pure function
/// from the ledger to its findings (empty when clean).
public struct Check: Sendable {
    public var id: String
    public var title: String
    /// What the check looks at and why it matters to the close; docs/checks.md is generated from it.
    public var explanation: String
    public var severity: Severity
    public var run: @Sendable (CheckContext) -> [Finding]

    public init(id: String, title: String, explanation: String, severity: Severity, run: @escaping @Sendable (CheckContext) -> [Finding]) {
        self.id = id
        self.title = title
        self.explanation = explanation
        self.severity = severity
        self.run = run
    }

    /// A check whose detector reports issues; the check stamps each with its id, severity and period.
    init(id: String, title: String, explanation: String, severity: Severity, detect: @escaping @Sendable (CheckContext) -> [Issue]) {
        self.init(id: id, title: title, explanation: explanation, severity: severity) { context in
            detect(context).map {
                Finding(checkID: id, severity: severity, period: context.period, company: context.companyRecord, records: $0.records, message: $0.message,
                        evidence: $0.evidence)
            }
        }
    }
}
