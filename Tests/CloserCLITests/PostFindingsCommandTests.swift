import Foundation
import PostgresSupport
import Testing

@Suite struct PostFindingsCommandTests {
    static let connection = ["--source", "odoo:http://127.0.0.1:9#d/company=1", "--url", "http://127.0.0.1:9", "--db", "d", "--user", "u"]

    @Test func postingFindingsInAuditModeStopsBeforeAnythingRuns() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)
        // A store that exists: a missing one is refused first (issue 16).
        var people = StorePeople(store: store, in: directory)
        try await people.addFirst("ann", roles: ["preparer"])
        let result = try await people.run("ann", ["check", "--period", "2026-10", "--post-findings"] + Self.connection,
                                          environment: ["CLOSER_ODOO_PASSWORD": "pw-secret"])
        #expect(result.status != 0)
        #expect(result.all.contains("--post-findings") && result.all.contains("audit mode") && result.all.contains("--mode supervised"),
                "\(result.all)")
        #expect(!result.all.contains("pw-secret"))
    }

    @Test func anUnknownPostSeverityIsRefused() async throws {
        let result = try await CloserBinary.run(["check", "--period", "2026-10", "--post-findings", "--post-severity", "urgent"])
        #expect(result.status != 0)
        #expect(result.all.contains("--post-severity must be blocking, warning or advisory"), "\(result.all)")
    }
}
