public import CloseChecks
public import CloseStore
public import Ledger
import Foundation

/// `closer findings`: the stored findings of a period's latest check, filtered, without running the checks again;
/// and acknowledging or waiving one with a reason (a waiver needs an expiry).
public struct FindingsService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// Which findings to list; nil fields do not filter.
    public struct Filter: Sendable, Hashable {
        public var severity: Severity?
        public var checkID: String?
        /// true: only findings waived on the day; false: only those not waived.
        public var waived: Bool?

        public init(severity: Severity? = nil, checkID: String? = nil, waived: Bool? = nil) {
            self.severity = severity
            self.checkID = checkID
            self.waived = waived
        }

        func admits(_ listed: ListedFinding, on date: LocalDate) -> Bool {
            (severity.map { listed.finding.severity == $0 } ?? true) && (checkID.map { listed.finding.checkID == $0 } ?? true)
                && (waived.map { listed.isWaived(on: date) == $0 } ?? true)
        }
    }

    /// The period's (default: the latest checked period's) stored findings that pass the filter, as of a day.
    public func list(sourceKey: SourceKey, period: Period?, filter: Filter, asOf: LocalDate) throws -> FindingsList {
        let period = try checkedPeriod(sourceKey: sourceKey, period)
        guard let listed = try store.listedFindings(sourceKey: sourceKey, period: period) else { throw FindingsError.notChecked(period) }
        return FindingsList(source: sourceKey, period: period, asOf: asOf, checked: listed.count,
                            findings: listed.filter { filter.admits($0, on: asOf) })
    }

    /// Acknowledges (someone is on it) or waives (it stops blocking until `until`) a finding of the period's latest check.
    public func setAside(fingerprint: String, kind: FindingWaiverKind, reason: String, until: LocalDate?, sourceKey: SourceKey,
                         period: Period?, asOf: LocalDate) throws -> ListedFinding {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw FindingsError.reasonRequired(fingerprint) }
        if kind == .waived && until == nil { throw FindingsError.expiryRequired(fingerprint) }
        if let until, until < asOf { throw FindingsError.expiryPassed(until, asOf: asOf) }
        return try store.setFindingAside(fingerprint: fingerprint, kind: kind, reason: text, until: until, sourceKey: sourceKey,
                                         period: try checkedPeriod(sourceKey: sourceKey, period), actor: actor)
    }

    func checkedPeriod(sourceKey: SourceKey, _ period: Period?) throws -> Period {
        guard let period = try period ?? store.latestCheckedPeriod(sourceKey: sourceKey) else { throw FindingsError.neverChecked(sourceKey) }
        return period
    }
}

/// What `closer findings` lists: the findings passing the filter, out of how many the latest check stored.
public struct FindingsList: Sendable, Codable {
    public var source: SourceKey
    public var period: Period
    public var asOf: LocalDate
    public var checked: Int
    public var findings: [ListedFinding]
}
