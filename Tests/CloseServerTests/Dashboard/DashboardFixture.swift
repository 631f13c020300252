import CloseStore
import Foundation
import Ledger

/// The served demo (pulled, checked, matched and proposed by `preparer`) with passwords for the
/// people who sign in to the dashboard, served for the length of `body`: in-process, or for a
/// browser on a free loopback port.
struct DashboardFixture: Sendable {
    static let preparer = ServedDemo.preparer
    static let admin = ServedDemo.admin
    static let approver = "anna"
    static let viewer = "vera"
    static let password = "correct horse battery staple"

    var store: AppDatabase
    var source: SourceKey
    var period: Period
    var server: TestServer

    /// Where a browser finds a server started by `runLive`.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(server.port)")! }

    /// The dashboard through Hummingbird's router test client: no socket.
    static func run(_ body: @Sendable (DashboardFixture) async throws -> Void) async throws {
        let demo = try await demoWithPasswords()
        try await TestServer.inProcess(demo.server()) { server in
            try await body(DashboardFixture(store: demo.store, source: demo.source, period: demo.period, server: server))
        }
    }

    /// The dashboard on a free loopback port, for a headless browser.
    static func runLive(_ body: (DashboardFixture) async throws -> Void) async throws {
        let demo = try await demoWithPasswords()
        let server = try await TestServer.start(demo.server())
        defer { server.stop() }
        try await body(DashboardFixture(store: demo.store, source: demo.source, period: demo.period, server: server))
    }

    private static func demoWithPasswords() async throws -> ServedDemo {
        let demo = try await ServedDemo.make()
        for login in [approver, viewer] { try demo.store.setPassword(password, login: login, actor: admin) }
        return demo
    }

    /// The waiting proposal the approver may approve alone under the built-in policy.
    func approvableProposal() throws -> StoredAdjustment {
        try ServedDemo.approvableProposal(store, source: source)
    }
}
