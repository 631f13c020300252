public import CloseStore
public import Ledger
public import OdooLedger
public import Payables

/// Puts vendor bills on their approval routes: reads what routing needs from Odoo, routes each bill with
/// the rule set's `payables.approval` and keeps the route in the store (the same route again changes
/// nothing). Where OCA's tier validation is installed Odoo routes the bills: its reviews are returned and
/// Closer routes nothing. What intake calls once its verdicts are recorded; writes nothing to Odoo.
public struct BillApprovalRouting: Sendable {
    public var store: AppDatabase
    public var rules: BillApprovalRules
    /// Who asks for the approvals (the intake's actor): they may not approve these bills themselves.
    public var actor: String

    public init(store: AppDatabase, rules: BillApprovalRules, actor: String) {
        self.store = store
        self.rules = rules
        self.actor = actor
    }

    /// The company's bills among `ids`, read live, with the duplicate scores intake kept for them.
    public func route(billIDs: [Int], source: OdooLedgerSource, on day: LocalDate) async throws -> BillRoutingReport {
        let bills = try await source.vendorBills(ids: billIDs).bills
        var scores: [Int: Double] = [:]
        for bill in bills { scores[bill.id] = try store.billReview(sourceKey: bill.source, billID: bill.id)?.verdict.duplicates.map(\.score).max() }
        return try await route(bills, source: source, duplicateScores: scores, on: day)
    }

    /// Routes `bills` on `day`, with each bill's best duplicate score and anomaly score where known (by bill id).
    public func route(_ bills: [VendorBill], source: OdooLedgerSource, duplicateScores: [Int: Double] = [:], anomalyScores: [Int: Double] = [:],
                      on day: LocalDate) async throws -> BillRoutingReport {
        let reading = try await source.billApprovalReading(of: bills)
        if let reviews = reading.tierReviews { return BillRoutingReport(routed: [], touchless: [], tierReviews: reviews) }
        let router = ApprovalRouter(rules: rules)
        var report = BillRoutingReport(routed: [], touchless: [], tierReviews: nil)
        for bill in bills {
            guard var facts = reading.facts[bill.id] else { continue }
            facts.bestDuplicateScore = duplicateScores[bill.id]
            facts.anomalyScore = anomalyScores[bill.id]
            if let stored = try store.enterBillApproval(facts, route: router.route(facts, on: day), requestedBy: actor) {
                report.routed.append(stored)
            } else {
                report.touchless.append(bill.id)
            }
        }
        return report
    }
}

/// What routing did: the bills on a route (pending or already decided), the touchless ones, and OCA's
/// tier reviews by bill where Odoo routes them instead.
public struct BillRoutingReport: Sendable, Codable {
    public var routed: [BillApproval]
    public var touchless: [Int]
    public var tierReviews: [Int: [TierReview]]?
}
