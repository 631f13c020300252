public import DemoCompany
public import Ledger
public import OdooRPC
import Foundation

/// Writes a whole company's books (a LedgerSnapshot) into an Odoo 18 database through the External
/// API, so that every Closer feature can be run against real Odoo. Idempotent through Odoo's own
/// external ids (module = `tag`): a re-run creates nothing twice and an interrupted run resumes.
///
/// Order matters: reference data, then entries (created as drafts with their exact lines, then
/// named, posted or cancelled), then bank statement lines, then reconciliations, then purchase orders,
/// receipts and their bills, and lock dates last, because Odoo moves or refuses anything posted into a locked period.
public struct OdooLedgerImporter: Sendable {
    public let client: OdooClient
    public let tag: String
    public let progress: PullProgress?
    /// Moves per create / post call: large enough to amortise a round trip, small enough that a
    /// refused batch is cheap to retry one by one.
    public var batchSize = 100

    public init(client: OdooClient, tag: String = "closer_demo", progress: PullProgress? = nil) {
        self.client = client
        self.tag = tag
        self.progress = progress
    }

    /// `purchasing`: the demo's purchase orders' products, receipts and bills, pushed after the entries where the
    /// database has the purchase and stock apps (said in a warning where it has not).
    public func importLedger(_ snapshot: LedgerSnapshot, purchasing: DemoPurchasing? = nil) async throws -> LedgerImportReport {
        let started = ContinuousClock.now
        var run = LedgerImportRun(client: client, tag: tag, progress: progress, batchSize: batchSize, snapshot: snapshot)
        try await run.prepare()
        try await run.importReferenceData()
        try await run.importUsers()
        try await run.importMoves()
        try await run.importStatementLines()
        try await run.postAndCancel()
        try await run.reconcile()
        try await run.verify()
        if let purchasing { try await run.importPurchasing(purchasing) }
        try await run.applyCompanySettings()
        let elapsed = ContinuousClock.now - started
        run.report.seconds = elapsed.seconds
        return run.report
    }
}
