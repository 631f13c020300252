import CloseService
import CloseStore
import DemoCompany
import Foundation
import Ledger
import Logging
@testable import CloseServer

/// The demo company pulled, checked, matched and proposed by `preparer`, with people to review it,
/// served in-process on a free port for the length of `body`.
struct DashboardFixture {
    static let preparer = "demo-preparer"
    static let admin = "ada"
    static let approver = "bob"
    static let viewer = "vic"
    static let password = "correct horse battery staple"

    var store: AppDatabase
    var source: String
    var period: Period
    var baseURL: URL

    static func run(_ body: (DashboardFixture) async throws -> Void) async throws {
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let store = try AppDatabase.inMemory()
        let source = "demo:dashboard"
        let period = book.groundTruth.period
        _ = try await PullService(store: store, actor: preparer).pull(
            from: DemoLedgerSource(book: book), sourceKey: source, period: period, historyMonths: 12, progress: { _, _ in })
        _ = try CheckService(store: store, actor: preparer).run(sourceKey: source, period: period, asOf: period.end.adding(days: 5))
        _ = try ReconcileService(store: store, actor: preparer).propose(sourceKey: source, period: period)
        _ = try AdjustmentService(store: store, actor: preparer).propose(sourceKey: source, period: period)
        try store.addUser(login: admin, name: "Ada Admin", roles: [.admin], odooUserID: nil, actor: admin)
        try store.addUser(login: approver, name: "Bob Approver", roles: [.approver], odooUserID: nil, actor: admin)
        try store.addUser(login: viewer, name: "Vic Viewer", roles: [.viewer], odooUserID: nil, actor: admin)
        for login in [approver, viewer] { try store.setPassword(password, login: login, actor: admin) }

        var logger = Logger(label: "closer.dashboard-test")
        logger.logLevel = .critical
        let server = CloserServer(store: store, configuration: ServerConfiguration(port: 0), logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let running = Task {
            defer { continuation.finish() }
            try await server.application(onRunning: { continuation.yield($0) }).runService(gracefulShutdownSignals: [])
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw FixtureError.serverDidNotStart }
        let outcome: Result<Void, any Error>
        do {
            try await body(DashboardFixture(store: store, source: source, period: period, baseURL: URL(string: "http://127.0.0.1:\(port)")!))
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        running.cancel()
        _ = await running.result
        try outcome.get()
    }

    /// The waiting proposal the approver may approve alone under the built-in policy (the smallest).
    func approvableProposal() throws -> StoredAdjustment {
        let waiting = try store.adjustments(sourceKey: source, statuses: [.proposed])
        guard let smallest = waiting.min(by: { ($0.proposal.entry.total?.minorUnits ?? 0) < ($1.proposal.entry.total?.minorUnits ?? 0) }) else {
            throw FixtureError.noProposal
        }
        return smallest
    }

    enum FixtureError: Error { case serverDidNotStart, noProposal }
}
