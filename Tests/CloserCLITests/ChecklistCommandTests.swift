import Foundation
import PostgresSupport
import Testing

@Suite struct ChecklistCommandTests {
    @Test func theDemoChecklistIsShownSignedOffAndAssignmentIsRefusedInAuditMode() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)
        #expect(try await CloserBinary.run(["demo", "--store", store, "--json"], in: directory).status == 0)
        var people = StorePeople(store: store, in: directory)
        try await people.addFirst("ann", roles: ["controller"])

        let board = try await CloserBinary.run(["checklist", "--period", "2026-10", "--as-of", "2026-11-04", "--store", store], in: directory)
        #expect(board.status == 0, "\(board.all)")
        #expect(board.stdout.contains("12 tasks: 1 done, 4 blocked, 3 overdue, 4 open"), "\(board.stdout)")
        #expect(board.stdout.contains("waiting on: 73 bank-match proposals waiting for review"), "\(board.stdout)")
        #expect(board.stdout.contains("blocked by: drafts-cleared"))

        let refused = try await people.run("ann", ["task", "done", "bank-reconciled", "--comment", "looks fine"])
        #expect(refused.status != 0 && refused.stderr.contains("completes itself once the latest `closer check`"), "\(refused.all)")
        let noComment = try await people.run("ann", ["task", "done", "intercompany-agreed", "--comment", ""])
        #expect(noComment.status != 0 && noComment.stderr.contains("needs a comment"), "\(noComment.all)")
        let done = try await people.run("ann", ["task", "done", "intercompany-agreed", "--comment", "one company"])
        #expect(done.status == 0 && done.stdout.contains("Signed off intercompany-agreed (2026-10)"), "\(done.all)")

        let json = try await CloserBinary.run(["checklist", "--period", "2026-10", "--as-of", "2026-11-04", "--store", store, "--json"], in: directory)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rows = decoded?["rows"] as? [[String: Any]] ?? []
        let intercompany = rows.first { ($0["task"] as? [String: Any])?["key"] as? String == "intercompany-agreed" }
        #expect(intercompany?["status"] as? String == "done")

        let assign = try await people.run("ann", ["checklist", "--period", "2026-10", "--assign", "--url", "http://127.0.0.1:9", "--db", "d", "--user", "u"],
                                          environment: ["CLOSER_ODOO_PASSWORD": "pw-secret"])
        #expect(assign.status != 0 && assign.all.contains("--assign writes to Odoo") && assign.all.contains("audit mode"), "\(assign.all)")
        #expect(!assign.all.contains("pw-secret"))
    }

    @Test func aMalformedTemplateStopsTheCommandNamingFileLineAndKey() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = directory.appendingPathComponent("close.yaml")
        try "schema_version: 1\ntasks:\n  - {id: a, title: A, owner: admin, due: 1, completion: {check: nope}}\n".write(to: template, atomically: true, encoding: .utf8)
        let result = try await CloserBinary.run(["checklist", "--period", "2026-10", "--template", template.path], in: directory)
        #expect(result.status != 0)
        #expect(result.stderr.contains("close.yaml:3: key 'tasks[0].completion.check' 'nope' is not a check or detector id"), "\(result.all)")
    }
}
