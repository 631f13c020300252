import CloseReports
import CloseStore
import Foundation
import Ledger
import Payables
import Testing

/// The close package's accounts-payable section: the period's reviewed bills by status, the blocked ones
/// with reasons and age, the released ones with who and why, in HTML, CSV and JSON.
@Suite struct ClosePackagePayablesTests {
    static let asOf = LocalDate(iso: "2026-11-04")!

    @Test func thePeriodsBillsAppearByStatusWithReasonsAgeAndReleases() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        let midnight = Date(timeIntervalSince1970: TimeInterval(Self.asOf.daysSinceEpoch) * 86_400)
        func bill(_ id: Int, vendor: String, on date: LocalDate) -> VendorBill {
            VendorBill(source: key, id: id, name: "BILL/\(id)", companyID: 1, vendor: BillVendor(partnerID: id, name: vendor), reference: "R\(id)",
                       invoiceDate: date, state: .posted, total: try! Money(parsing: "880.00", currency: CurrencyCode("EUR")!, scale: 2))
        }
        func hold(_ bill: VendorBill, daysBefore days: Double) throws {
            let exception = MatchException(kind: .noPurchaseOrder, billLineID: nil, message: "\(bill.name) bills no order.", fix: "Link its order.")
            try store.recordBillVerdict(BillVerdict(bill: bill, duplicates: [], match: BillMatch(bill: bill, exceptions: [exception], matchedLines: 0),
                                                    rules: IntakeRules()), preparerLogin: "paula", actor: "intake", at: midnight.addingTimeInterval(-days * 86_400))
        }
        let hostile = "Acme <script>alert(1)</script>"
        try hold(bill(801, vendor: "Released Ltd", on: period.start), daysBefore: 6)
        _ = try store.releaseBill(sourceKey: key, billID: 801, reason: "Order raised after the fact", actor: "rita")
        try hold(bill(802, vendor: hostile, on: period.end), daysBefore: 3)
        try store.recordBillVerdict(BillVerdict(bill: bill(803, vendor: "Clean Co", on: period.start), duplicates: [], match: nil, rules: IntakeRules()),
                                    preparerLogin: "paula", actor: "intake")
        try hold(bill(804, vendor: "Other Month", on: period.previous.start), daysBefore: 40)

        let package = try ClosePackageBuilder(store: store).build(sourceKey: key, period: period, asOf: Self.asOf)

        let payables = package.payables
        #expect(payables.byStatus.map { "\($0.status.rawValue) \($0.bills)" } == ["clear 1", "warned 0", "blocked 1", "released 1"])
        // Flagged at midnight three days before the package's day, counted to the end of that day.
        #expect(payables.blocked.map(\.billID) == [802] && payables.blocked.first?.ageDays == 4)
        #expect(payables.blocked.first?.reasons == ["BILL/802 bills no order. Link its order."])
        #expect(payables.released.map(\.billID) == [801] && payables.released.first?.release?.by == "rita")
        #expect(payables.headline == "3 bills checked: 1 touchless, 1 blocked, 1 released")
        // The audit excerpt carries the period's bill events (the release by rita), not the other month's hold.
        #expect(package.audit.events.contains { $0.action == "payables.bill.released" && $0.actor == "rita" })
        #expect(!package.audit.events.contains { $0.targets.contains { $0.model == "account.move" && $0.id == "804" } })

        let documents = try package.documents()
        let html = try #require(documents["close-package.html"])
        #expect(html.contains("Accounts payable: 3 bills checked") && html.contains("Order raised after the fact"))
        #expect(!html.contains("<script>alert") && html.contains("Acme &lt;script&gt;"))
        let csv = try #require(documents["accounts-payable.csv"]).split(separator: "\r\n")
        #expect(csv.count == 3 && csv[0].hasPrefix("bill_id,bill,reference,vendor,amount"))
        let releasedAt = try #require(payables.released.first?.release?.at)
        #expect(csv.contains { $0.hasPrefix("801,BILL/801,R801,Released Ltd,880.00,EUR,released,hold,") && $0.hasSuffix(",rita,\(releasedAt),Order raised after the fact") })
        let jsonText = try #require(documents["close-package.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        #expect(((json["payables"] as? [String: Any])?["bills"] as? [Any])?.count == 2)
    }
}
