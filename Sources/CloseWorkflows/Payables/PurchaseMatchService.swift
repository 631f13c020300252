public import CloseSettings
public import Ledger
import OdooLedger
public import Payables

/// `closer payables match`: the period's vendor bills read live from Odoo (a pull keeps neither their
/// lines nor the order lines they bill), each line matched against its purchase order. Read-only.
public struct PurchaseMatchService: Sendable {
    public var settings: OdooSettings

    public init(settings: OdooSettings) {
        self.settings = settings
    }

    public func match(period: Period, rules: PurchaseMatchRules = PurchaseMatchRules()) async throws -> PurchaseMatchReport {
        let source = OdooGateway.source(settings)
        let read = try await source.vendorBills(in: period)
        let matcher = PurchaseOrderMatcher(rules: rules)
        let results = read.bills.map { matcher.match($0, orderLines: read.orderLines) }
        return PurchaseMatchReport(source: source.sourceKey(companyID: try await source.resolvedCompanyID()), period: period, bills: results)
    }
}

/// What `closer payables match` reports: every bill, matched or with its exceptions.
public struct PurchaseMatchReport: Sendable, Codable {
    public var source: SourceKey
    public var period: Period
    public var bills: [BillMatch]

    /// Bills that passed without an exception: the share no one needs to touch.
    public var touchless: Int { bills.filter(\.isMatched).count }
    public var exceptions: [MatchException] { bills.flatMap(\.exceptions) }
}
