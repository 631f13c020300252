/// A deterministic close-readiness check: a stable id, a title, a severity, and a pure function
/// from the ledger to its findings (empty when clean).
public struct Check: Sendable {
    public var id: String
    public var title: String
    public var severity: Severity
    public var run: @Sendable (CheckContext) -> [Finding]

    public init(id: String, title: String, severity: Severity, run: @escaping @Sendable (CheckContext) -> [Finding]) {
        self.id = id
        self.title = title
        self.severity = severity
        self.run = run
    }

    /// A check whose detector reports issues; the check stamps each with its id, severity and period.
    init(id: String, title: String, severity: Severity, detect: @escaping @Sendable (CheckContext) -> [Issue]) {
        self.init(id: id, title: title, severity: severity) { context in
            detect(context).map {
                Finding(checkID: id, severity: severity, period: context.period, records: $0.records, message: $0.message,
                        evidence: $0.evidence)
            }
        }
    }
}
