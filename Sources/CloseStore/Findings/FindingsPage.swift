public import CloseChecks
public import Ledger

/// A filtered page of a period's latest findings, each kept as the JSON the store holds so a list
/// can be served without decoding and re-encoding every finding.
public struct FindingsPage: Sendable {
    public var period: Period
    /// The check run the findings come from.
    public var runID: Int64
    /// Findings matching the filter in the whole run, not only on this page.
    public var total: Int
    public var findingsJSON: [String]
}

/// Which of a period's latest findings to list.
public struct FindingsFilter: Sendable, Hashable {
    public var severity: Severity?
    public var checkID: String?
    public var limit: Int
    public var offset: Int

    public init(severity: Severity? = nil, checkID: String? = nil, limit: Int = 100, offset: Int = 0) {
        self.severity = severity
        self.checkID = checkID
        self.limit = limit
        self.offset = offset
    }
}
