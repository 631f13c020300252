public import Ledger

/// How much a finding stands in the way of closing: blocking findings must be fixed before the
/// period is locked, warnings need a decision, advisories are for information.
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case blocking, warning, advisory

    var rank: Int {
        switch self {
        case .blocking: 0
        case .warning: 1
        case .advisory: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A record a finding is about (model, id, display name, link into Odoo).
public typealias FindingRecord = RecordRef

/// One problem a check found: a value, never an exception. The message names the record and says
/// how to fix it; `evidence` carries the facts behind it as plain text for reports and reviewers.
public struct Finding: Sendable, Codable, Hashable {
    public var checkID: String
    public var severity: Severity
    public var period: Period
    /// The company whose books the finding is about (model res.company).
    public var company: RecordRef
    public var records: [FindingRecord]
    public var message: String
    public var evidence: [String: String]
    /// Set by triage after the checks run (nil on findings stored before ranking existed).
    public var ranking: FindingRanking?

    public init(checkID: String, severity: Severity, period: Period, company: RecordRef, records: [FindingRecord], message: String,
                evidence: [String: String] = [:]) {
        self.checkID = checkID
        self.severity = severity
        self.period = period
        self.company = company
        self.records = records
        self.message = message
        self.evidence = evidence
    }
}

/// What a check's detector reports; the check adds its id, severity and the period.
struct Issue {
    var records: [FindingRecord]
    var message: String
    var evidence: [String: String] = [:]
}
