import CloseStore
import Foundation
import Ledger

/// The served demo (pulled, checked, matched and proposed by `preparer`) with passwords for the
/// people who sign in to the dashboard, served in-process on a free port for the length of `body`.
struct DashboardFixture {
    static let preparer = ServedDemo.preparer
    static let admin = ServedDemo.admin
    static let approver = "anna"
    static let viewer = "vera"
    static let password = "correct horse battery staple"

    var store: AppDatabase
    var source: SourceKey
    var period: Period
    var baseURL: URL

    static func run(_ body: (DashboardFixture) async throws -> Void) async throws {
        let demo = try await ServedDemo.make()
        for login in [approver, viewer] { try demo.store.setPassword(password, login: login, actor: admin) }
        let server = try await TestServer.start(demo.server())
        defer { server.stop() }
        try await body(DashboardFixture(store: demo.store, source: demo.source, period: demo.period,
                                        baseURL: URL(string: "http://127.0.0.1:\(server.port)")!))
    }

    /// The waiting proposal the approver may approve alone under the built-in policy.
    func approvableProposal() throws -> StoredAdjustment {
        try ServedDemo.approvableProposal(store, source: source)
    }
}
