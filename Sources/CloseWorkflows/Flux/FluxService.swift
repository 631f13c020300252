public import CloseChecks
public import CloseStore
public import Ledger

/// Loads a pulled ledger from the store and runs the trial-balance flux analysis on it (read-only).
public struct FluxService: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) {
        self.store = store
    }

    public func run(sourceKey: SourceKey, period: Period, thresholds: FluxThresholds = FluxThresholds()) throws -> FluxReport {
        try store.requirePulled(period, sourceKey: sourceKey)
        return Self.report(snapshot: try store.loadSnapshot(sourceKey: sourceKey), sourceKey: sourceKey, period: period, thresholds: thresholds)
    }

    /// The same on a ledger already loaded (the close package loads it once for all its sections).
    public static func report(snapshot: LedgerSnapshot, sourceKey: SourceKey, period: Period, thresholds: FluxThresholds) -> FluxReport {
        let analysis = FluxAnalysis(snapshot: snapshot, period: period, thresholds: thresholds)
        return FluxReport(source: sourceKey, company: snapshot.company.name, currency: snapshot.company.currency.code.description, period: period,
                          thresholds: thresholds, variances: analysis.variances)
    }
}

/// What `closer flux` reports.
public struct FluxReport: Sendable, Codable {
    public var source: SourceKey
    public var company: String
    public var currency: String
    public var period: Period
    public var thresholds: FluxThresholds
    public var variances: [FluxVariance]
}
