import CloseStore
import Foundation
import PostgresSupport
import Ledger
import Payables
import Testing

/// `closer payables approvals | approve | delegate` on a store with one routed bill, signed in as each person:
/// the queue shows the level waiting, refusals name their rule and exit non-zero, a delegate says for whom.
@Suite struct BillApprovalCommandTests {
    @Test func aRoutedBillIsListedDecidedLevelByLevelAndADelegateApprovesForTheAbsentController() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)
        var people = StorePeople(store: store, in: directory)
        try await people.addFirst("ann", roles: ["controller"])
        for (login, roles) in [("bob", ["approver"]), ("carol", ["controller"]), ("dave", ["approver"]), ("vic", ["viewer"])] {
            try await people.add(login, roles: roles, by: "ann")
        }
        let facts = BillApprovalFacts(source: "odoo:test", billID: 42, billTitle: "BILL/2026/12/0042 of Acme",
                                      amount: Money(minorUnits: 12_400_00, currency: CurrencyCode("EUR")!),
                                      vendorFirstBillDate: LocalDate(year: 2020, month: 1, day: 1), preparerLogin: "bob")
        let route = ApprovalRouter(rules: BillApprovalRules()).route(facts, on: LocalDate.todayUTC())
        #expect(route.levels.count == 2)
        #expect(try AppDatabase.open(at: store).enterBillApproval(facts, route: route, requestedBy: "closer-agent") != nil)

        let queue = try await people.run("vic", ["payables", "approvals", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [String: Any], "\(queue.all)")
        let waiting = try #require(((json["approvals"] as? [[String: Any]])?.first?["waiting"]) as? [String: Any])
        #expect(waiting["level"] as? Int == 1 && waiting["roles"] as? [String] == ["approver", "controller"] && waiting["ageDays"] as? Int == 0)
        let text = try await people.run("vic", ["payables", "approvals"]).stdout
        #expect(text.contains("odoo:test bill 42: BILL/2026/12/0042 of Acme, 12,400.00 EUR — level 1 of 2 waiting for an approver or controller, 0 days: "
                              + "amount 12,400.00 EUR is at least the 1,000 threshold"), "\(text)")

        let viewer = try await people.run("vic", ["payables", "approve", "42"])
        #expect(viewer.status != 0 && viewer.stderr.contains("approve or reject vendor bills"), "\(viewer.all)")
        let own = try await people.run("bob", ["payables", "approve", "42"])
        #expect(own.status != 0 && own.stderr.contains("separation of duties: bob prepared the bill"), "\(own.all)")
        let first = try await people.run("carol", ["payables", "approve", "42", "--comment", "checked the order"])
        #expect(first.status == 0 && first.stdout.contains("level 2 of 2 now waits for a controller"), "\(first.all)")
        let twice = try await people.run("carol", ["payables", "approve", "42"])
        #expect(twice.status != 0 && twice.stderr.contains("carol approved level 1"), "\(twice.all)")

        let badDay = try await people.run("ann", ["payables", "delegate", "--to", "dave", "--from", "tomorrow", "--until", "2099-12-31", "--reason", "holiday"])
        #expect(badDay.status != 0 && badDay.stderr.contains("--from 'tomorrow' is not a date"), "\(badDay.all)")
        let today = LocalDate.todayUTC()
        let delegated = try await people.run("ann", ["payables", "delegate", "--to", "dave", "--from", today.adding(days: -1).description,
                                               "--until", today.adding(days: 1).description, "--reason", "holiday"])
        #expect(delegated.status == 0 && delegated.stdout.hasPrefix("dave decides bill approvals for ann"), "\(delegated.all)")
        let second = try await people.run("dave", ["payables", "approve", "42", "--json"])
        let decided = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any], "\(second.all)")
        #expect(decided["status"] as? String == "approved")
        #expect((decided["decisions"] as? [[String: Any]])?.last?["onBehalfOf"] as? String == "ann")
        await #expect(try people.run("vic", ["payables", "approvals"]).stdout.hasPrefix("No vendor bills are pending."))
        let trail = try await people.run("ann", ["audit", "export"]).stdout
        #expect(trail.contains("payables.approval.decided") && trail.contains("payables.approval.delegated"))
    }
}
