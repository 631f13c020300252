/// What a job does. The raw value is what the queue stores, so a case is never renamed, only added.
public enum JobKind: String, CaseIterable, Hashable, Sendable, Codable {
    case pull
    case check
    case reconcile
    case propose
    case package
    case payablesRun = "payables-run"
    case receivablesRun = "receivables-run"
    case webhookOut = "webhook-out"
}
