import CloseDemo
import CloseSettings
import DemoCompany
import Foundation
import Ledger
import OdooLedger
import OdooRPC
import Payables
import Testing

/// The demo's purchasing pushed into a real Odoo 18 with purchase and stock (the shared scratch database
/// CLOSER_TEST_ODOO_ORDERS_DB, under a tag of its own and without the ledger's entries or lock dates):
/// products billed on order or on receipt, orders confirmed, receipts validated, bills linked to order
/// lines. Read back as `closer payables match` reads it, the match finds exactly the planted problems and
/// none of the look-alikes; a second push creates nothing.
@Suite(.serialized, .enabled(if: LiveImporterSettings.ordersEndpoint != nil, "skipped: no scratch Odoo database with purchase and stock"))
struct LiveDemoPurchasingTests {
    @Test func pushedPurchasingMatchesAsPlantedAndPushesOnce() async throws {
        let endpoint = try #require(LiveImporterSettings.ordersEndpoint)
        let client = OdooClient(endpoint: endpoint)
        var options = DemoOptions()
        options.seed = 2024
        let book = DemoCompany.generate(options)
        let importer = OdooLedgerImporter(client: client, tag: "closer_live_po_" + String(UInt32.random(in: 0...UInt32.max), radix: 36))
        let snapshot = try await Self.purchasingOnly(book.snapshot, client: client)

        let report = try await importer.importLedger(snapshot, purchasing: book.purchasing)
        for warning in report.warnings { print("  warning:", warning) }
        #expect(report.warnings.isEmpty)
        #expect(report.created["purchase.order"] == Set(snapshot.orderLines.map(\.orderID)).count)
        #expect(report.created["product.product"] == book.purchasing.purchaseMethods.count)
        let toDemo = Dictionary(uniqueKeysWithValues: book.purchasing.bills.compactMap { bill in report.idMap["account.move"]?[bill.id].map { ($0, bill.id) } })
        #expect(toDemo.count == book.purchasing.bills.count)

        let read = try await OdooLedgerSource(client: client, endpoint: endpoint).vendorBills(in: book.groundTruth.period)
        let ours = read.bills.filter { toDemo[$0.id] != nil }
        #expect(ours.count == book.purchasing.bills.count)
        for line in snapshot.orderLines where line.state != .cancelled {
            guard let id = report.idMap["purchase.order.line"]?[line.id], let odoo = read.orderLines[id] else { continue }
            #expect(odoo.line.quantityFulfilled == line.quantityFulfilled && odoo.line.quantityInvoiced == line.quantityInvoiced, "\(line.orderName)")
            #expect(odoo.policy.rawValue == book.purchasing.purchaseMethods[line.productName]?.rawValue)
        }
        let matcher = PurchaseOrderMatcher(rules: RuleSet.demo.payables.matching)
        let matches = ours.map { bill in
            var result = matcher.match(bill, orderLines: read.orderLines)
            result.bill.id = toDemo[bill.id]!
            return result
        }
        let scores = ControlScore.score(matches, against: book.groundTruth)
        print("[live po match] " + scores.map { "\($0.kind) \($0.found)/\($0.planted), \($0.falsePositives) not planted, \($0.lookAlikesFlagged) look-alikes" }
            .joined(separator: "; "))
        #expect(scores.map(\.kind) == ControlScore.purchaseMatchKinds)
        for score in scores { #expect(score.found == 1 && score.planted == 1 && score.falsePositives == 0 && score.lookAlikesFlagged == 0, "\(score)") }

        let again = try await importer.importLedger(snapshot, purchasing: book.purchasing)
        #expect(again.totalCreated == 0, "\(again.created)")
        #expect(again.idMap["account.move"] == report.idMap["account.move"])
    }

    /// The demo's partners and purchase orders only, under the database's own company name and without lock dates,
    /// so the shared database keeps its company as it was.
    static func purchasingOnly(_ full: LedgerSnapshot, client: OdooClient) async throws -> LedgerSnapshot {
        let uid = try await client.authenticate()
        let company = try #require(try await client.read("res.users", ids: [uid], fields: ["company_id"]).first?["company_id"]?.many2one)
        var header = full.company
        header.name = company.name
        header.lockDates = LockDates()
        return LedgerSnapshot(company: header, currencies: full.currencies, partners: full.partners,
                              orderLines: full.orderLines.filter { $0.side == .purchase })
    }
}
