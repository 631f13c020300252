/// The result of checking the audit trail's hash chain from the first event to the head.
public struct AuditVerification: Sendable, Codable, Equatable {
    /// The file verified (SQLite's integrity check included).
    public var store: String?
    public var eventCount: Int
    public var problems: [AuditProblem]

    public var isIntact: Bool { problems.isEmpty }
}

/// One way the trail was found broken, naming the event so an auditor can look at it.
public struct AuditProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case edited, missing, reordered, truncated, guardRemoved, damaged
    }

    public var kind: Kind
    public var seq: Int64?
    public var eventID: String?
    public var action: String?
    public var detail: String

    public var description: String {
        let event = seq.map { "event #\($0)" + (action.map { " (\($0))" } ?? "") + (eventID.map { " id \($0)" } ?? "") }
        return [event, detail].compactMap { $0 }.joined(separator: ": ")
    }
}
