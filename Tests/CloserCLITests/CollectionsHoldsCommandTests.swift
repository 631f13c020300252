import CloseStore
import Foundation
import PostgresSupport
import Ledger
import Receivables
import Testing

/// `closer collections holds` on a store holding a proposed credit hold: the list is a read;
/// approving needs a signed-in approver or controller who did not propose it, rejecting a reason.
@Suite(.serialized) struct CollectionsHoldsCommandTests {
    static let source: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 1)

    static func overLimit(_ customer: Int, _ name: String) -> CreditVerdict {
        let eur = CurrencyCode("EUR")!
        let asOf = LocalDate(iso: "2026-10-31")!
        let credit = CustomerCredit(customerID: customer, customerName: name, openItems: [OpenReceivable(dueDate: asOf, amount: Money(minorUnits: 1_240_000, currency: eur))],
                                    uninvoicedOrders: Money.zero(eur), limit: Money(minorUnits: 1_000_000, currency: eur))
        return CreditPolicy(rules: CreditRules()).judge(credit, asOf: asOf)
    }

    @Test func theListIsAReadAndOnlyAnotherApproverDecides() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var people = StorePeople(store: TestStore.location("closer", in: directory), in: directory)
        try await people.addFirst("admin")
        try await people.add("erin", roles: ["approver"], by: "admin")
        try await people.add("carla", roles: ["approver"], by: "admin")
        try await people.add("vic", roles: ["viewer"], by: "admin")
        let store = try AppDatabase.open(at: people.store)
        let acme = try store.proposeCreditHold(Self.overLimit(42, "Acme Retail"), sourceKey: Self.source, actor: "carla").hold
        let bolt = try store.proposeCreditHold(Self.overLimit(43, "Bolt Trading"), sourceKey: Self.source, actor: "carla").hold

        let list = try await people.run(nil, ["collections", "holds"])
        #expect(list.status == 0 && list.stdout.contains("2 credit holds open") && list.stdout.contains("owes 12,400.00 EUR against a limit of 10,000.00 EUR"),
                "\(list.all)")
        let viewer = try await people.run("vic", ["collections", "holds", "approve", String(acme.id)])
        #expect(viewer.status != 0 && viewer.stderr.contains("approve or reject a credit hold"), "\(viewer.all)")
        let own = try await people.run("carla", ["collections", "holds", "approve", String(acme.id)])
        #expect(own.status != 0 && own.stderr.contains("carla proposed credit hold #\(acme.id)"), "\(own.all)")
        let noReason = try await people.run("erin", ["collections", "holds", "reject", String(bolt.id), "--reason", "  "])
        #expect(noReason.status != 0 && noReason.stderr.contains("Give a reason"), "\(noReason.all)")
        #expect(try store.creditHolds(statuses: [.proposed]).count == 2, "refusals change nothing")

        let approved = try await people.run("erin", ["collections", "holds", "approve", String(acme.id)])
        #expect(approved.status == 0 && approved.stdout.contains("Approved:") && approved.stdout.contains("Odoo is not blocked yet"), "\(approved.all)")
        let rejected = try await people.run("erin", ["collections", "holds", "reject", String(bolt.id), "--reason", "paid by wire this morning", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(rejected.stdout.utf8)) as? [String: Any]
        #expect(json?["status"] as? String == "rejected" && (json?["closed"] as? [String: Any])?["reason"] as? String == "paid by wire this morning",
                "\(rejected.all)")
        let all = try await JSONSerialization.jsonObject(with: Data(try people.run(nil, ["collections", "holds", "--status", "all", "--json"]).stdout.utf8)) as? [String: Any]
        #expect((all?["holds"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["approved", "rejected"])
        let bad = try await people.run(nil, ["collections", "holds", "--status", "stuck"])
        #expect(bad.status != 0 && bad.stderr.contains("--status must be open"), "\(bad.all)")
    }
}
