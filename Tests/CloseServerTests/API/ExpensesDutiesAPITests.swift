import CloseStore
import FakeOdoo
import Foundation
import Ledger
import Testing

/// The expense check and the duties review over the API against the fake Odoo: a check is run by someone who may
/// write to Odoo, kept, and read back by anyone; the duties review names who both set up a vendor and paid it.
@Suite struct ExpensesDutiesAPITests {
    @Test func aCheckIsKeptAndTheLatestReadBack() async throws {
        let world = try await TreasuryOdoo.start(mode: "audit")
        defer { world.stop() }
        let report = world.fake.expenseReport(world.company, employee: "Eve", code: "FOOD", cents: 14_000, date: LocalDate.todayUTC().adding(days: -3).description)
        let none = try await world.server.send("GET", "/api/v1/expenses/check", token: world.tokens["vera"])
        #expect(none.status == 404 && none.text.contains("run a check first"), "\(none.text)")
        let viewer = try await world.server.post("/api/v1/expenses/check", token: world.tokens["vera"], json: "{}")
        #expect(viewer.status == 403, "a viewer may not run a check that notes findings in Odoo")
        let badPeriod = try await world.server.post("/api/v1/expenses/check", token: world.tokens["paul"], json: #"{"period":"May"}"#)
        #expect(badPeriod.status == 400, "\(badPeriod.text)")

        let checked = try await world.server.post("/api/v1/expenses/check", token: world.tokens["paul"], json: "{}")
        #expect(checked.status == 201, "\(checked.text)")
        let body = try checked.json()
        let reports = try #require((body["report"] as? [String: Any])?["reports"] as? [[String: Any]])
        #expect(reports.count == 1 && reports.first?["id"] as? Int == report && reports.first?["employee"] as? String == "Eve", "\(checked.text)")
        let kinds = Set((reports.first?["findings"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
        #expect(kinds == ["category-limit", "missing-receipt"], "\(checked.text)")
        #expect((body["report"] as? [String: Any])?["writes"] as? Bool == false && world.fake.performedWrites.isEmpty, "audit mode notes nothing in Odoo")

        let latest = try await world.server.send("GET", "/api/v1/expenses/check", token: world.tokens["vera"]).json()
        #expect(latest["runID"] as? Int == body["runID"] as? Int && latest["runID"] != nil)
        #expect(try world.store.runs(kind: "expenses-check").map(\.status) == [.succeeded])
    }

    @Test func theDutiesReviewNamesWhoSetUpAVendorAndPaidIt() async throws {
        let world = try await TreasuryOdoo.start(mode: "audit")
        defer { world.stop() }
        _ = world.fake.vendorPayment(world.company, vendor: world.newVendor, cents: 80_000, by: world.mallory,
                                     date: LocalDate.todayUTC().adding(days: -1).description)
        let bad = try await world.server.send("GET", "/api/v1/duties?since=yesterday", token: world.tokens["vera"])
        #expect(bad.status == 400 && bad.text.contains("'since' is not a date"), "\(bad.text)")
        let reply = try await world.server.send("GET", "/api/v1/duties?since=\(LocalDate.todayUTC().adding(months: -1))", token: world.tokens["vera"])
        #expect(reply.status == 200, "\(reply.text)")
        let findings = try #require(try reply.json()["findings"] as? [[String: Any]])
        let did = findings.filter { $0["kind"] as? String == "did" }
        #expect(did.map { $0["login"] as? String } == ["mallory"], "\(reply.text)")
        #expect((did.first?["vendor"] as? [String: Any])?["name"] as? String == "New Supplier" && (did.first?["evidence"] as? [Any])?.count ?? 0 >= 2,
                "\(reply.text)")
        #expect(world.fake.performedWrites.isEmpty, "the review is read-only in Odoo")
    }
}
