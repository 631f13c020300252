import Foundation
import PostgresSupport
import Testing

@Suite struct IntercompanyCommandTests {
    @Test func theDemoGroupIsMatchedAndItsWorksheetWrittenThenEliminatedIntoTheParent() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("group", in: directory)
        let worksheet = directory.appendingPathComponent("eliminations.csv").path

        let demo = try await CloserBinary.run(["intercompany", "--demo", "--period", "2026-10", "--store", store, "--worksheet", worksheet])
        #expect(demo.status == 0, "\(demo.all)")
        #expect(demo.stdout.contains("has no counterpart") && demo.stdout.contains("the elimination worksheet is in \(worksheet)"))
        let csv = try String(contentsOfFile: worksheet, encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 5 && csv[0] == "pair,account,scope,currency,side_a,side_b,difference,elimination,status")

        let parent = "demo:northwind-group/seed=42/company=1", subsidiary = "demo:northwind-group/seed=42/company=2"
        var people = StorePeople(store: store, in: directory)
        try await people.addFirst("pat", roles: ["preparer"])
        let consolidated = try await people.run("pat", ["intercompany", "--period", "2026-10", "--companies", "\(parent),\(subsidiary)",
                                                  "--parent", parent, "--into", parent, "--journal", "MISC", "--json"])
        #expect(consolidated.status == 0, "\(consolidated.all)")
        let report = try JSONSerialization.jsonObject(with: Data(consolidated.stdout.utf8)) as? [String: Any]
        let proposals = report?["proposals"] as? [[String: Any]]
        #expect(proposals?.count == 2 && proposals?.allSatisfy { $0["kind"] as? String == "intercompany-elimination" } == true)
        #expect((report?["waiting"] as? [Any])?.isEmpty == true)
    }

    @Test func inputErrorsAreAllListedBeforeAnythingRuns() async throws {
        let result = try await CloserBinary.run(["intercompany", "--period", "2026-10", "--companies", "a", "--journal", "X", "--partner", "1:3=4"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("at least two source keys") && result.stderr.contains("--journal needs --into")
                && result.stderr.contains("--partner 1:3=4"))
    }
}
