import CloseStore
import CloseWorkflows
import Foundation
import Ledger
import OdooLedger
import OdooRPC
import Payables
import Testing

/// Routing bills read from a real Odoo 18 into the store: a new vendor's bill of 12,400 gets two levels, the
/// new vendor joining the controller's; routing it again keeps the route. Where OCA's tier validation is
/// installed nothing is routed and its reviews come back. Writes bills into the scratch databases
/// CLOSER_TEST_ODOO_ORDERS_DB and (when set) CLOSER_TEST_ODOO_TIER_DB at CLOSER_TEST_ODOO_TIER_URL.
@Suite(.enabled(if: LiveBillRouting.endpoint("CLOSER_TEST_ODOO_URL", "CLOSER_TEST_ODOO_ORDERS_DB") != nil,
                "skipped: no scratch Odoo database (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_ORDERS_DB)"))
struct LiveBillApprovalRoutingTests {
    @Test func aNewVendorsLargeBillIsRoutedOnceAndTierValidationRoutesItsOwn() async throws {
        let endpoint = try #require(LiveBillRouting.endpoint("CLOSER_TEST_ODOO_URL", "CLOSER_TEST_ODOO_ORDERS_DB"))
        let store = try AppDatabase.inMemory()
        let routing = BillApprovalRouting(store: store, rules: BillApprovalRules(), actor: "closer-agent")
        let (source, bill) = try await LiveBillRouting.newVendorBill(endpoint)
        let report = try await routing.route(billIDs: [bill], source: source, on: LocalDate.todayUTC())
        let routed = try #require(report.routed.first, "\(report)")
        #expect(report.tierReviews == nil && routed.status == .pending && routed.requestedBy == "closer-agent")
        #expect(routed.route.levels.map(\.triggers) == [["amount"], ["amount", "new-vendor"]], "\(routed.route.levels.map(\.reason))")
        #expect(try await routing.route(billIDs: [bill], source: source, on: LocalDate.todayUTC()).routed.first?.id == routed.id)

        guard let tier = LiveBillRouting.endpoint("CLOSER_TEST_ODOO_TIER_URL", "CLOSER_TEST_ODOO_TIER_DB") else {
            print("◇ Tier-validation half skipped: set CLOSER_TEST_ODOO_TIER_URL and CLOSER_TEST_ODOO_TIER_DB.")
            return
        }
        let (tierSource, tierBill) = try await LiveBillRouting.newVendorBill(tier)
        let tierReport = try await routing.route(billIDs: [tierBill], source: tierSource, on: LocalDate.todayUTC())
        #expect(tierReport.routed.isEmpty && tierReport.tierReviews?[tierBill] != nil, "\(tierReport)")
        #expect(try store.billApproval(sourceKey: tierSource.sourceKey(companyID: try await tierSource.resolvedCompanyID()), billID: tierBill) == nil)
    }
}

enum LiveBillRouting {
    static func endpoint(_ urlVariable: String, _ databaseVariable: String) -> OdooEndpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[urlVariable].flatMap(URL.init(string:)), let database = environment[databaseVariable] else { return nil }
        return OdooEndpoint(url: url, database: database, login: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
                            credential: .password(environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin"))
    }

    /// A draft bill of 12,400 (no tax) from a vendor created for it.
    static func newVendorBill(_ endpoint: OdooEndpoint) async throws -> (OdooLedgerSource, Int) {
        let client = OdooClient(endpoint: endpoint)
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let vendor = try await client.create("res.partner", [["name": .string("Closer routing vendor \(tag)"), "is_company": true]])[0]
        let line: RPCStruct = ["name": "Closer routing test", "quantity": 1, "price_unit": .double(WireNumber(text: "12400")!), "tax_ids": [[6, 0, []]]]
        let bill = try await client.create("account.move", [["move_type": "in_invoice", "partner_id": RPCValue(vendor),
                                                             "invoice_date": .string(LocalDate.todayUTC().description), "invoice_line_ids": [[0, 0, .structure(line)]]]])[0]
        return (OdooLedgerSource(client: client, endpoint: endpoint), bill)
    }
}
