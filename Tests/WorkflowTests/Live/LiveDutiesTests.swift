import CloseSettings
import CloseStore
import CloseWorkflows
import Duties
import Foundation
import Governance
import Ledger
import OdooRPC
import Testing

/// Issue 19 item 3's bar on a company nobody tuned Closer for: in a scratch Odoo 18 database with `account`
/// (CLOSER_TEST_ODOO_DUTIES_DB), a new company and two new users with groups set through the API. One, with
/// Contact Creation and Invoicing, changes the bank accounts of two vendors, then posts and pays the bill of
/// one of them; the other, with Invoicing only, posts and pays the other vendor's bill. The conflict is found
/// on the first vendor with its records; the second vendor, and the clean user, are not flagged.
@Suite(.enabled(if: LiveScratchCompany.settings(.duties, company: nil) != nil,
                "skipped: no scratch Odoo database with `account` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_DUTIES_DB)"))
struct LiveDutiesTests {
    @Test func aUserWhoChangesAVendorsBankAccountAndPaysItsBillIsFoundAndACleanUserIsNot() async throws {
        let company = try await LiveScratchCompany.create(in: .duties, kind: "Duties")
        let tag = LiveScratchCompany.word(6)
        let mixed = try await company.user("mixed-\(tag)", groups: ["base.group_partner_manager", "account.group_account_invoice"])
        let clean = try await company.user("clean-\(tag)", groups: ["account.group_account_invoice"])
        let acme = try await company.create("res.partner", ["name": .string("Acme \(tag.capitalized)"), "is_company": true])
        let brill = try await company.create("res.partner", ["name": .string("Brill \(tag.capitalized)"), "is_company": true])

        let asMixed = try company.acting(as: mixed)
        var banks: [Int] = []
        for vendor in [acme, brill] {
            let bank = try await asMixed.create("res.partner.bank", ["partner_id": RPCValue(vendor), "acc_number": .string("NL91ABNA04171643\(banks.count)0")])
            try await asMixed.client.write("res.partner.bank", ids: [bank], ["acc_number": .string("DE8937040044053201300\(banks.count)")])
            banks.append(bank)
        }
        let acmeBill = try await company.bill(acme, cents: 480_000, due: .todayUTC().adding(days: 30), post: false)
        try await asMixed.post(acmeBill)
        try await asMixed.registerPayment(acmeBill)
        let brillBill = try await company.bill(brill, cents: 125_000, due: .todayUTC().adding(days: 30), post: false)
        let asClean = try company.acting(as: clean)
        try await asClean.post(brillBill)
        try await asClean.registerPayment(brillBill)

        let store = try AppDatabase.inMemory()
        _ = try store.addUser(login: "mixed", name: "Mixed", roles: [.approver], odooUserID: mixed.id, actor: "live-test")
        let settings = try #require(company.settings())
        let report = try await DutiesService(settings: settings, store: store, actor: "paul").review(since: LocalDate.todayUTC().adding(months: -1))
        print("[live] duties: \(report.evidenceBasis)")
        for finding in report.findings { print("[live] \(finding.kind.rawValue) \(finding.message)") }
        #expect(report.trackingRead)

        let did = report.findings.filter { $0.kind == .did }
        #expect(did.count == 1, "\(did.map(\.message))")
        let finding = try #require(did.first)
        #expect(finding.person.id == mixed.id && finding.vendor?.id == acme)
        let evidence = Set(finding.evidence.map { "\($0.kind.rawValue) \($0.record.model) \($0.record.id)" })
        #expect(evidence.contains("created-bank-account res.partner.bank \(banks[0])"))
        #expect(evidence.contains("changed-bank-account res.partner.bank \(banks[0])"))
        #expect(evidence.contains("posted-bill account.move \(acmeBill)"))
        #expect(evidence.contains { $0.hasPrefix("paid account.payment") }, "\(evidence)")
        #expect(finding.evidence.first { $0.kind == .changedBankAccount }?.field == "acc_number")

        let can = report.findings.filter { $0.kind == .can }
        #expect(can.contains { $0.person.id == mixed.id && $0.conflicts.contains { $0.first.duty == .maintainBankDetails && $0.second.duty == .pay } })
        #expect(can.first { $0.person.id == mixed.id }?.conflicts.contains { $0.second.duty == .approveBills } == true, "Closer's approver role joined")
        #expect(!report.findings.contains { $0.person.id == clean.id }, "the clean user is not flagged")
        #expect(!did.contains { $0.vendor?.id == brill }, "another person paid the vendor whose account was changed: no conflict")
    }
}
