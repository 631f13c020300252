import Automation
import CloseServer
import CloseStore
import CloseWorkflows
import DemoCompany
import Foundation
import Governance
import Ledger
import Logging
import Testing
import Adjustments

/// The demo company pulled, checked, matched and proposed (prepared by "preparer"), with people
/// holding each role and their API tokens: what a server test needs.
struct ServedDemo: Sendable {
    static let preparer = "preparer"
    static let admin = "root-admin"

    var store: AppDatabase
    var source: SourceKey
    var period: Period
    var tokens: [String: String]
    var book: DemoBook

    static func make() async throws -> ServedDemo {
        let book = DemoCompany.generate(DemoOptions(targetLines: 2_000))
        let store = try AppDatabase.inMemory()
        let source: SourceKey = "demo:server"
        let period = book.groundTruth.period
        _ = try await PullService(store: store, actor: preparer).pull(
            from: DemoLedgerSource(book: book), sourceKey: source, period: period, historyMonths: 12, progress: { _, _ in })
        _ = try CheckService(store: store, actor: preparer).run(sourceKey: source, period: period, asOf: period.end)
        _ = try ReconcileService(store: store, actor: preparer).propose(sourceKey: source, period: period)
        _ = try AdjustmentService(store: store, actor: preparer).propose(sourceKey: source, period: period)
        _ = try store.addUser(login: admin, name: "Admin", roles: [.admin], odooUserID: nil, actor: admin)
        var tokens: [String: String] = [:]
        for (login, role) in [("vera", CloserRole.viewer), ("paul", .preparer), ("anna", .approver), ("carl", .controller)] {
            _ = try store.addUser(login: login, name: login.capitalized, roles: [role], odooUserID: nil, actor: admin)
            tokens[login] = try store.issueToken(login: login, actor: admin).token
        }
        return ServedDemo(store: store, source: source, period: period, tokens: tokens, book: book)
    }

    /// A fresh demo, served in-process (Hummingbird's router test client, no socket) for the length of `body`.
    static func serving(_ body: @Sendable (ServedDemo, TestServer) async throws -> Void) async throws {
        let demo = try await make()
        try await TestServer.inProcess(demo.server()) { server in try await body(demo, server) }
    }

    /// A server over the demo's store; with `automation`, its refreshes pull from the demo company.
    func server(maxRequestBytes: Int = 64 * 1024, automation: AutomationConfig? = nil, addressThrottle: LoginThrottle = LoginThrottle(),
                auditKeys: AuditTrustedKeys? = nil) -> CloserServer {
        var quiet = Logger(label: "closer.server.test")
        quiet.logLevel = .critical   // stopping a test server logs its cancelled channels
        return CloserServer(store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, maxRequestBytes: maxRequestBytes,
                                                                             addressThrottle: addressThrottle, auditKeys: auditKeys),
                            logger: quiet, automation: automation, sources: { [book] _ in DemoLedgerSource(book: book) })
    }

    /// The smallest waiting proposal: one an approver may approve alone under the built-in policy.
    static func approvableProposal(_ store: AppDatabase, source: SourceKey) throws -> StoredAdjustment {
        try #require(try store.adjustments(sourceKey: source, statuses: [.proposed])
            .min { ($0.proposal.entry.total?.minorUnits ?? 0) < ($1.proposal.entry.total?.minorUnits ?? 0) })
    }

    /// What a refused request must leave untouched: the audit trail (but for the refusals it records),
    /// every proposal's status and the approvals recorded.
    func state() throws -> [String] {
        let audit = try store.auditEvents().filter { $0.outcome != "refused" }.map { "\($0.action) \($0.actor)" }
        let proposals = try store.adjustments(sourceKey: source).map { "\($0.id) \($0.status.rawValue)" }
        let matches = try store.matchProposals(sourceKey: source).map { "\($0.id) \($0.status.rawValue)" }
        return audit + proposals + matches
    }
}
