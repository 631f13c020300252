import Foundation
import Ledger
import OdooLedger
import OdooRPC
import Payables
import Testing

/// The approval facts read from a real Odoo 18: a vendor's first posted bill, a bank account added and its
/// number edited (tracked in the chatter), a line charging an analytic account by its code, the total in
/// company currency and the creator's login; without OCA's tier validation there are no tier reviews.
/// Writes into CLOSER_TEST_ODOO_ORDERS_DB, a scratch database.
@Suite(.enabled(if: LiveOrderDatabase.endpoint != nil, "skipped: no scratch Odoo database (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_ORDERS_DB)"))
struct LiveBillApprovalFactsTests {
    @Test func theFactsOfABillComeFromItsVendorsHistoryBankAccountsAndAnalyticLines() async throws {
        let endpoint = try #require(LiveOrderDatabase.endpoint)
        let client = OdooClient(endpoint: endpoint)
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let today = LocalDate.todayUTC()
        let vendor = try await client.create("res.partner", [["name": .string("Closer approval vendor \(tag)"), "is_company": true]])[0]
        let first = try await LiveBillApprovals.bill(client, vendor: vendor, on: today.adding(days: -200), price: "40")
        _ = try await client.execute("account.move", "action_post", [RPCValue([first])], idempotent: false)
        let bank = try await client.create("res.partner.bank", [["partner_id": RPCValue(vendor), "acc_number": .string("DE00 \(tag)")]])[0]
        try await client.write("res.partner.bank", ids: [bank], ["acc_number": .string("DE99 \(tag)")])
        let plan = try await client.create("account.analytic.plan", [["name": .string("Closer plan \(tag)")]])[0]
        let account = try await client.create("account.analytic.account", [["name": .string("Marketing \(tag)"), "code": .string("CC-\(tag)"),
                                                                             "plan_id": RPCValue(plan)]])[0]
        let bill = try await LiveBillApprovals.bill(client, vendor: vendor, on: today, price: "12400",
                                                    analytic: [String(account): .double(WireNumber(text: "100")!)])

        let source = OdooLedgerSource(client: client, endpoint: endpoint)
        let bills = try await source.vendorBills(ids: [bill]).bills
        let reading = try await source.billApprovalReading(of: bills)
        let facts = try #require(reading.facts[bill])
        #expect(facts.vendorFirstBillDate == today.adding(days: -200))
        #expect(facts.bankDetailsChangedOn == today)
        #expect(facts.analyticAccounts == ["CC-\(tag)"])
        #expect(facts.amount.decimalText == "12400.00" && facts.preparerLogin == endpoint.login)
        #expect(reading.tierReviews == nil, "closerorders has no OCA tier validation")
        let route = ApprovalRouter(rules: BillApprovalRules(analyticAccounts: ["CC-\(tag)": ["approver"]])).route(facts, on: today)
        #expect(route.levels.flatMap(\.triggers) == ["amount", "amount", "bank-change", "analytic"], "\(route.levels.map(\.reason))")
        print("[live] \(facts.billTitle): " + route.levels.map(\.reason).joined(separator: " | "))
    }
}

/// OCA's tier validation (base_tier_validation + account_move_tier_validation, 18.0) in a scratch database of
/// its own: a tier definition on vendor bills, a bill sent for validation and approved; Closer reads the
/// review instead of routing the bill. Needs CLOSER_TEST_ODOO_TIER_URL and CLOSER_TEST_ODOO_TIER_DB.
@Suite(.enabled(if: LiveBillApprovals.tierEndpoint != nil, "skipped: no Odoo database with OCA tier validation (CLOSER_TEST_ODOO_TIER_URL, CLOSER_TEST_ODOO_TIER_DB)"))
struct LiveTierValidationTests {
    @Test func whereTierValidationIsInstalledItsReviewsOfTheBillAreRead() async throws {
        let endpoint = try #require(LiveBillApprovals.tierEndpoint)
        let client = OdooClient(endpoint: endpoint)
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let uid = try await client.authenticate()
        let billModel = try #require(try await client.search("ir.model", domain: [["model", "=", "account.move"]]).first)
        let vendor = try await client.create("res.partner", [["name": .string("Closer tier vendor \(tag)"), "is_company": true]])[0]
        _ = try await client.create("tier.definition", [["name": .string("Closer tier \(tag)"), "model_id": RPCValue(billModel), "review_type": "individual",
                                                         "reviewer_id": RPCValue(uid),
                                                         "definition_domain": .string("[('partner_id', '=', \(vendor))]")]])
        let bill = try await LiveBillApprovals.bill(client, vendor: vendor, on: LocalDate.todayUTC(), price: "500")
        // Both return a recordset or None, which Odoo cannot send back: the call has happened when it faults on the answer.
        _ = try? await client.execute("account.move", "request_validation", [RPCValue([bill])], idempotent: false)
        let source = OdooLedgerSource(client: client, endpoint: endpoint)
        let pending = try await source.billApprovalReading(of: try await source.vendorBills(ids: [bill]).bills)
        // Other definitions of the database may review the bill too: this test's is the one named after it.
        let review = try #require(pending.tierReviews?[bill]?.first { $0.name == "Closer tier \(tag)" }, "\(pending.tierReviews ?? [:])")
        #expect(review.status == "pending" && review.isOpen && review.reviewer != nil && review.doneBy == nil, "\(review)")
        _ = try? await client.execute("account.move", "validate_tier", [RPCValue([bill])], idempotent: false)
        let approved = try #require(try await source.billApprovalReading(of: try await source.vendorBills(ids: [bill]).bills)
            .tierReviews?[bill]?.first { $0.name == "Closer tier \(tag)" })
        #expect(approved.status == "approved" && approved.doneBy != nil && approved.reviewedAt != nil, "\(approved)")
        print("[live] tier review of bill \(bill): \(approved.name ?? "") \(approved.status) by \(approved.doneBy ?? "?")")
    }
}

enum LiveBillApprovals {
    static var tierEndpoint: OdooEndpoint? {
        LiveOrderDatabase.endpoint(url: "CLOSER_TEST_ODOO_TIER_URL", database: "CLOSER_TEST_ODOO_TIER_DB", skipped: "◇ Live tier-validation test skipped: "
            + "set CLOSER_TEST_ODOO_TIER_URL and CLOSER_TEST_ODOO_TIER_DB (a database with OCA's account_move_tier_validation).")
    }

    /// A draft vendor bill of one line at `price`, optionally charging analytic accounts.
    static func bill(_ client: OdooClient, vendor: Int, on day: LocalDate, price: String, analytic: RPCStruct? = nil) async throws -> Int {
        var line: RPCStruct = ["name": "Closer approval test", "quantity": 1, "price_unit": .double(WireNumber(text: price)!), "tax_ids": [[6, 0, []]]]
        if let analytic { line["analytic_distribution"] = .structure(analytic) }
        return try await client.create("account.move", [["move_type": "in_invoice", "partner_id": RPCValue(vendor), "invoice_date": .string(day.description),
                                                         "invoice_line_ids": [[0, 0, .structure(line)]]]])[0]
    }
}
