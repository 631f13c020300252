import Duties
import Foundation
import Ledger
import Testing

/// The findings on small cases: each conflict beside the look-alike that must not be one.
struct DutyAnalysisTests {
    static let acme = RecordRef(model: "res.partner", id: 50, name: "Acme Ltd")
    static let brill = RecordRef(model: "res.partner", id: 51, name: "Brill GmbH")

    static func person(_ id: Int, _ login: String, admin: Bool = false, _ duties: [VendorDuty] = []) -> DutyPerson {
        DutyPerson(odooUserID: id, login: login, name: login.capitalized, active: true, isAdministrator: admin,
                   grants: duties.map { DutyGrant(duty: $0, grantedBy: ["Group of \($0.rawValue)"]) })
    }

    static func act(_ kind: DutyAct.Kind, by user: Int, vendor: RecordRef, record: RecordRef, day: Int, basis: DutyAct.Basis = .tracking) -> DutyAct {
        DutyAct(kind: kind, odooUserID: user, vendor: vendor, record: record, field: kind == .changedBankAccount ? "acc_number" : nil,
                at: Timestamp(date: LocalDate(year: 2026, month: 11, day: day)!, hour: 9), basis: basis)
    }

    static let acmeBank = RecordRef(model: "res.partner.bank", id: 8, name: "DE89370400440532013000")
    static let acmePayment = RecordRef(model: "account.payment", id: 31, name: "PBNK1/2026/00031")
    static let acmeBill = RecordRef(model: "account.move", id: 120, name: "BILL/2026/11/0004")
    static let brillPayment = RecordRef(model: "account.payment", id: 32, name: "PBNK1/2026/00032")

    @Test func aBankChangerWhoAlsoPaysThatVendorIsFoundWithBothRecords() {
        let findings = DutyAnalysis.findings(people: [Self.person(7, "ann")], acts: [
            Self.act(.changedBankAccount, by: 7, vendor: Self.acme, record: Self.acmeBank, day: 3),
            Self.act(.paid, by: 7, vendor: Self.acme, record: Self.acmePayment, day: 5, basis: .creator),
        ])
        let did = try! #require(findings.first { $0.kind == .did })
        #expect(did.vendor == Self.acme && did.person.id == 7)
        #expect(did.evidence.map(\.record) == [Self.acmeBank, Self.acmePayment])
        #expect(did.message.contains("Acme Ltd") && did.message.contains("changed its bank account") && did.message.contains("paid it"), "\(did.message)")
        #expect(did.evidence[0].words.contains("field acc_number") && did.evidence[0].words.contains("Odoo's tracking"))
    }

    @Test func aVendorCreatorWhoPostsThatVendorsBillIsFound() {
        let findings = DutyAnalysis.findings(people: [Self.person(9, "bob")], acts: [
            Self.act(.createdVendor, by: 9, vendor: Self.acme, record: Self.acme, day: 1, basis: .creator),
            Self.act(.postedBill, by: 9, vendor: Self.acme, record: Self.acmeBill, day: 2),
        ])
        #expect(findings.map(\.kind) == [.did])
        #expect(findings.first?.evidence.map(\.kind) == [.createdVendor, .postedBill])
    }

    @Test func changingOneVendorAndPayingAnotherIsNotADidFinding() {
        let findings = DutyAnalysis.findings(people: [Self.person(7, "ann")], acts: [
            Self.act(.changedBankAccount, by: 7, vendor: Self.acme, record: Self.acmeBank, day: 3),
            Self.act(.paid, by: 7, vendor: Self.brill, record: Self.brillPayment, day: 5, basis: .creator),
            // Another person's payment of the vendor ann changed is a second person, as it should be.
            Self.act(.paid, by: 8, vendor: Self.acme, record: Self.acmePayment, day: 6, basis: .creator),
        ])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func aPayerWithoutVendorRightsHasNoConflictAndAVendorKeeperWhoPaysHasOne() {
        let findings = DutyAnalysis.findings(people: [Self.person(4, "carl", [.pay, .postBills]), Self.person(5, "dora", [.maintainBankDetails, .pay])], acts: [])
        #expect(findings.map(\.login) == ["dora"])
        let can = try! #require(findings.first)
        #expect(can.kind == .can && can.conflicts.map { [$0.first.duty, $0.second.duty] } == [[.maintainBankDetails, .pay]])
        #expect(can.fix.contains("'Group of maintain-bank-details'") && can.fix.contains("'Group of pay'") && can.fix.contains("second person"), "\(can.fix)")
    }

    @Test func changingABankAccountAndTrustingItOneselfIsAConflict() {
        let findings = DutyAnalysis.findings(people: [Self.person(7, "ann")], acts: [
            Self.act(.createdBankAccount, by: 7, vendor: Self.acme, record: Self.acmeBank, day: 3, basis: .creator),
            Self.act(.trustedBankAccount, by: 7, vendor: Self.acme, record: Self.acmeBank, day: 3),
        ])
        #expect(findings.map(\.kind) == [.did])
        #expect(findings.first?.message.contains("second look") == true)
    }

    @Test func administratorsAreListedOnceWithWhatTheyDidNotPerVendor() {
        let admin = Self.person(2, "admin", admin: true, VendorDuty.allCases)
        let findings = DutyAnalysis.findings(people: [admin, Self.person(7, "ann", [.maintainVendors, .pay])], acts: [
            Self.act(.createdVendor, by: 2, vendor: Self.acme, record: Self.acme, day: 1, basis: .creator),
            Self.act(.postedBill, by: 2, vendor: Self.acme, record: Self.acmeBill, day: 2),
            Self.act(.createdVendor, by: 2, vendor: Self.brill, record: Self.brill, day: 1, basis: .creator),
            Self.act(.paid, by: 2, vendor: Self.brill, record: Self.brillPayment, day: 4, basis: .creator),
            Self.act(.changedBankAccount, by: 7, vendor: Self.acme, record: Self.acmeBank, day: 3),
            Self.act(.paid, by: 7, vendor: Self.acme, record: Self.acmePayment, day: 5, basis: .creator),
        ])
        #expect(findings.map(\.kind) == [.did, .can, .administrator], "did first, then can, then the administrators")
        #expect(findings.filter { $0.login == "admin" }.count == 1)
        let administrator = try! #require(findings.last)
        #expect(administrator.evidence.count == 4 && administrator.message.contains("2 vendors (Acme Ltd, Brill GmbH)"), "\(administrator.message)")
    }

    @Test func aDidFindingOnLastWritersSaysItsEvidenceIsWeaker() {
        let findings = DutyAnalysis.findings(people: [Self.person(7, "ann")], acts: [
            Self.act(.changedBankAccount, by: 7, vendor: Self.acme, record: Self.acmeBank, day: 3, basis: .lastWriter),
            Self.act(.paid, by: 7, vendor: Self.acme, record: Self.acmePayment, day: 5, basis: .creator),
        ])
        #expect(findings.first?.message.contains("not on tracking") == true)
    }
}
