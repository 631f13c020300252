import CloseStore
import Foundation
import PostgresSupport
import Ledger
import Payables
import Testing

/// `closer payables holds` and `release` on a store holding intake's verdicts: the queue is a read; a
/// release needs a signed-in approver or controller who did not enter the bill in Odoo.
@Suite(.serialized) struct PayablesHoldsCommandTests {
    static let source: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 1)

    static func held(_ id: Int, preparedBy preparer: String) -> BillVerdict {
        func bill(_ id: Int, _ reference: String) -> VendorBill {
            VendorBill(source: source, id: id, name: "BILL/\(id)", companyID: 1, vendor: BillVendor(partnerID: 7, name: "Office Supplies Ltd"),
                       reference: reference, invoiceDate: LocalDate(iso: "2026-10-09"), state: .draft,
                       total: try! Money(parsing: "240.00", currency: CurrencyCode("EUR")!, scale: 2), preparerLogin: preparer)
        }
        let copy = bill(id, "inv \(id)")
        return BillVerdict(bill: copy, duplicates: [DuplicateHit(bill: copy, original: bill(id - 1, "INV-\(id)"), signals: [.reformattedReference],
                                                                 reason: "BILL/\(id) looks like BILL/\(id - 1).")],
                           match: nil, rules: IntakeRules())
    }

    @Test func theQueueIsAReadAndOnlyAnotherApproverReleases() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var people = StorePeople(store: TestStore.location("closer", in: directory), in: directory)
        try await people.addFirst("admin")
        try await people.add("erin", roles: ["approver"], by: "admin")
        try await people.add("ed", roles: ["approver"], by: "admin")
        try await people.add("vic", roles: ["viewer"], by: "admin")
        let store = try AppDatabase.open(at: people.store)
        try store.recordBillVerdict(Self.held(21, preparedBy: "ed"), preparerLogin: "ed", actor: "closer-agent")
        try store.recordBillVerdict(Self.held(31, preparedBy: "dora"), preparerLogin: "dora", actor: "closer-agent")

        let queue = try await people.run(nil, ["payables", "holds"])
        #expect(queue.status == 0 && queue.stdout.contains("2 vendor bills blocked") && queue.stdout.contains("BILL/21 looks like BILL/20"), "\(queue.all)")
        let scope = ["--source", Self.source.text]
        let unsigned = try await people.run(nil, ["payables", "release", "--bill", "21", "--reason", "fine"] + scope, environment: ["CLOSER_ACTOR": "erin"])
        #expect(unsigned.status != 0 && unsigned.stderr.contains("a name is not proof"), "\(unsigned.all)")
        let viewer = try await people.run("vic", ["payables", "release", "--bill", "21", "--reason", "fine"] + scope)
        #expect(viewer.status != 0 && viewer.stderr.contains("release a blocked vendor bill"), "\(viewer.all)")
        let own = try await people.run("ed", ["payables", "release", "--bill", "21", "--reason", "fine"] + scope)
        #expect(own.status != 0 && own.stderr.contains("ed prepared BILL/21"), "\(own.all)")
        #expect(try store.billReview(sourceKey: Self.source, billID: 21)?.status == .blocked, "refusals change nothing")

        let released = try await people.run("erin", ["payables", "release", "--bill", "21", "--reason", "the vendor confirmed a second delivery", "--json"] + scope)
        #expect(released.status == 0, "\(released.all)")
        let json = try JSONSerialization.jsonObject(with: Data(released.stdout.utf8)) as? [String: Any]
        #expect(json?["status"] as? String == "released" && (json?["release"] as? [String: Any])?["by"] as? String == "erin")
        let left = try await JSONSerialization.jsonObject(with: Data(try people.run(nil, ["payables", "holds", "--json"]).stdout.utf8)) as? [String: Any]
        #expect((left?["bills"] as? [[String: Any]])?.compactMap { $0["billID"] as? Int } == [31])
        let releasedList = try await people.run(nil, ["payables", "holds", "--status", "released"])
        #expect(releasedList.stdout.contains("released by erin (the vendor confirmed a second delivery), flagged 0 days ago"), "\(releasedList.all)")
    }
}
