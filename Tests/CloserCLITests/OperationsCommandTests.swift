import CloseStore
import Foundation
import PostgresSupport
import Testing

/// `closer operations`: the open exceptions with owner, age and SLA, and the incidents apart, as text and as JSON.
@Suite(.serialized) struct OperationsCommandTests {
    @Test func theBoardIsReadAsTextAndJSON() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var people = StorePeople(store: TestStore.location("closer", in: directory), in: directory)
        try await people.addFirst("admin")
        let store = try AppDatabase.open(at: people.store)
        try store.recordBillVerdict(PayablesHoldsCommandTests.held(21, preparedBy: "ed"), preparerLogin: "ed", actor: "closer-agent")
        let run = try #require(try store.startScheduledRun(schedule: "nightly", sourceKey: PayablesHoldsCommandTests.source, period: "2026-10", slot: Date()))
        _ = try store.finishScheduledRun(id: run.id, status: .failed, summary: "Could not reach Odoo: connection refused. Check the URL.")

        let text = try await people.run(nil, ["operations"])
        #expect(text.status == 0, "\(text.all)")
        #expect(text.stdout.contains("1 open business exception(s), 0 past their SLA; 1 technical incident(s).") && text.stdout.contains("Payables:"))
        #expect(text.stdout.contains("bill-blocked  bill BILL/21 of Office Supplies Ltd  owner ed, 0 of 5 day(s)"), "\(text.stdout)")
        #expect(text.stdout.contains("odoo-unreachable  scheduled run nightly"))

        let json = try await people.run(nil, ["operations", "--json"])
        let board = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.all)")
        #expect((board["exceptions"] as? [[String: Any]])?.first?["kind"] as? String == "bill-blocked")
        #expect((board["incidents"] as? [[String: Any]])?.first?["kind"] as? String == "odoo-unreachable")
    }
}
