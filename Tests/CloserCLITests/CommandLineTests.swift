import Foundation
import PostgresSupport
import Testing

@Suite(.serialized) struct CommandLineTests {
    @Test func demoRunsEndToEndAndTheAuditTrailCatchesAnEdit() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("demo", in: directory)

        let demo = try await CloserBinary.run(["demo", "--store", store, "--json"], in: directory)
        #expect(demo.status == 0, "\(demo.all)")
        let report = try JSONSerialization.jsonObject(with: Data(demo.stdout.utf8)) as? [String: Any]
        let pull = report?["firstPull"] as? [String: Any]
        #expect((pull?["received"] as? [String: Any])?["lines"] as? Int ?? 0 > 1000)
        #expect((report?["secondPull"] as? [String: Any])?["changedPostedMoves"] as? [Any] != nil)
        #expect(((report?["secondPull"] as? [String: Any])?["changedPostedMoves"] as? [Any])?.count == 1)
        #expect(demo.stderr.isEmpty, "JSON mode must print no progress: \(demo.stderr)")

        let verified = try await CloserBinary.run(["audit", "verify", "--store", store])
        #expect(verified.status == 0, "\(verified.all)")
        #expect(verified.stdout.contains("intact"))

        let edit = "UPDATE audit_event SET actor = 'mallory' WHERE seq = 2;"
        try TestStore.byHand(store, sqlite: "DROP TRIGGER audit_event_append_only_update; \(edit)",
                             postgres: "ALTER TABLE audit_event DISABLE TRIGGER USER; \(edit) ALTER TABLE audit_event ENABLE TRIGGER USER;")
        let broken = try await CloserBinary.run(["audit", "verify", "--store", store])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("event #2"), "\(broken.all)")
        #expect(broken.stdout.contains("edited"))

        // The demo company has blocking problems: `check` lists them and fails; --fail-on never does not.
        let check = try await CloserBinary.run(["check", "--period", "2026-10", "--as-of", "2026-11-05", "--store", store, "--json"])
        #expect(check.status == 1, "\(check.stderr)")
        let findings = (try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]]
        #expect(findings?.contains { $0["checkID"] as? String == "draft-in-period" } == true)
        let lenient = try await CloserBinary.run(["check", "--period", "2026-10", "--as-of", "2026-11-05", "--store", store, "--fail-on", "never"])
        #expect(lenient.status == 0 && lenient.stdout.contains("still open"))
        // Ranked: the first screen holds every blocking finding, the rest is folded by kind; JSON carries each rank.
        let rankings = findings?.compactMap { $0["ranking"] as? [String: Any] } ?? []
        #expect(rankings.count == findings?.count && rankings.map { $0["rank"] as? Int ?? 0 } == Array(1...rankings.count))
        #expect(findings?.allSatisfy { $0["severity"] as? String != "blocking" || ($0["ranking"] as? [String: Any])?["onFirstScreen"] as? Bool == true } == true)
        #expect(lenient.stdout.contains("FIRST SCREEN (") && lenient.stdout.contains("more, by kind: ")
                && lenient.stdout.contains("`closer findings` lists them"), "\(lenient.stdout)")

        let export = try await CloserBinary.run(["audit", "export", "--store", store])
        #expect(export.status == 0)
        #expect(export.stdout.split(separator: "\n").count >= 4)
    }

    @Test func aBadPeriodIsRefusedWithTheFormat() async throws {
        let result = try await CloserBinary.run(["pull", "--period", "2026-13", "--url", "http://127.0.0.1:9", "--db", "d", "--user", "u"])
        #expect(result.status != 0)
        #expect(result.all.contains("2026-13") && result.all.contains("YYYY-MM"))
    }

    @Test func theConcurrentCallsFlagIsReadAndAZeroRefused() async throws {
        let result = try await CloserBinary.run(["connect", "--url", "http://127.0.0.1:9", "--db", "d", "--user", "u", "--password", "p",
                                           "--max-concurrent-calls", "0"])
        #expect(result.status != 0)
        #expect(result.all.contains("odoo.max_concurrent_calls") || result.all.contains("--max-concurrent-calls"), "\(result.all)")
    }

    @Test func missingSettingsAreAllListed() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await CloserBinary.run(["connect"], in: directory)
        #expect(result.status != 0)
        for name in ["CLOSER_ODOO_URL", "CLOSER_ODOO_DB", "CLOSER_ODOO_USER", "CLOSER_ODOO_PASSWORD"] {
            #expect(result.all.contains(name), "\(result.all)")
        }
    }

    @Test func anUnreachableOdooIsExplainedWithoutTheSecret() async throws {
        let result = try await CloserBinary.run(["connect", "--url", "http://127.0.0.1:9", "--db", "prod", "--user", "admin"],
                                                environment: ["CLOSER_ODOO_PASSWORD": "s3cret-pw"])
        #expect(result.status != 0)
        #expect(result.all.contains("127.0.0.1:9"), "\(result.all)")
        #expect(!result.all.contains("s3cret-pw"))
    }
}
