@testable import DemoCompany
import Ledger
import Testing
import Treasury

/// The payment run's and the expense reports' data: planted once per kind beside their look-alikes, on real open
/// bills, with valid IBANs, the same for a seed every time, and a company too small for all of it says what it left out.
@Suite struct DemoOperationsTests {
    var book: DemoBook { DemoFixture.book }
    var truth: GroundTruth { DemoFixture.truth }

    @Test func everyKindAndLookAlikeIsPlantedOnce() {
        for kind in GroundTruth.treasuryKinds + GroundTruth.expenseKinds { #expect(truth.problems(of: kind).count == 1, "\(kind)") }
        for kind in GroundTruth.treasuryLookAlikeKinds + GroundTruth.expenseLookAlikeKinds { #expect(truth.lookAlikes(of: [kind]).count == 1, "\(kind)") }
        #expect(truth.notPlanted.isEmpty)
        #expect(truth.payablesLookAlikes.count == 5)
    }

    @Test func everyAccountNumberIsAValidIBAN() throws {
        #expect(book.treasury.accounts.count > 20)
        for account in book.treasury.accounts { _ = try IBAN(account.number) }
        for change in book.treasury.changes {
            for number in change.detail?.split(separator: " → ") ?? [] { _ = try IBAN(String(number)) }
        }
    }

    /// The bills are the ledger's open posted bills due by the run's pay-by date; a problem of a vendor's account names
    /// all of that vendor's bills, a problem of a payment the one bill it pays.
    @Test func treasuryProblemsNameTheOpenBillsTheyHold() throws {
        let treasury = book.treasury
        let open = DemoFixture.snapshot.moves.filter {
            $0.type == .vendorBill && $0.state == .posted && !$0.amountResidual.isZero && ($0.dueDate ?? $0.date) <= treasury.payBy
        }
        #expect(Set(treasury.bills.map(\.id)) == Set(open.map(\.id)))
        let byVendor = Dictionary(grouping: treasury.bills, by: \.vendorID)
        var vendors: Set<Int> = []
        for problem in truth.problems.filter({ GroundTruth.treasuryKinds.contains($0.kind) }) + truth.lookAlikes(of: GroundTruth.treasuryLookAlikeKinds) {
            let bills = problem.records.map { record in treasury.bills.first { $0.id == record.id } }
            #expect(problem.records.allSatisfy { $0.model == "account.move" } && bills.allSatisfy { $0 != nil }, "\(problem.kind)")
            let vendor = try #require(bills.first??.vendorID)
            if problem.kind.hasPrefix("payment-") {
                #expect(problem.records.count == 1)
            } else {
                #expect(Set(problem.records.map(\.id)) == Set((byVendor[vendor] ?? []).map(\.id)), "\(problem.kind)")
            }
            vendors.insert(vendor)
        }
        // Cooling-off and unverified share a vendor; every other plant has its own.
        #expect(vendors.count == GroundTruth.treasuryKinds.count - 1 + GroundTruth.treasuryLookAlikeKinds.count)
    }

    @Test func theSameSeedGivesTheSameDataAndAnotherSeedOther() {
        let again = DemoCompany.generate()
        #expect(again.treasury == book.treasury && again.expenses == book.expenses)
        #expect(again.groundTruth.problems == truth.problems && again.groundTruth.lookAlikes == truth.lookAlikes)
        let other = DemoCompany.generate(DemoOptions(seed: 7))
        #expect(Set(other.treasury.accounts.map(\.number)).isDisjoint(with: book.treasury.accounts.map(\.number)))
        #expect(other.expenses != book.expenses)
    }

    /// With two vendors owing bills, the first plants fit and the rest are named, with why.
    @Test func aCompanyWithFewBillsPlantsWhatFitsAndSaysSo() {
        let usd = DemoChart.usd
        let audit = RecordAudit(createdBy: nil, createdAt: Timestamp(date: truth.asOf), writtenBy: nil, writtenAt: Timestamp(date: truth.asOf))
        let moves = [(1, 101), (2, 102)].map { id, vendor in
            Move(id: id, name: "BILL/\(id)", state: .posted, type: .vendorBill, date: truth.asOf, dueDate: truth.asOf, journalID: 2, partnerID: vendor,
                 currencyID: usd.id, amountTotal: usd.money(10_000), amountResidual: usd.money(10_000), audit: audit)
        }
        let planter = DemoTreasuryPlanter(seed: 1, asOf: truth.asOf, moves: moves, partners: [], vendors: [101, 102], employees: [], firstPartnerID: 200)
        #expect(planter.problems.map(\.kind) == ["bank-change-cooling-off", "bank-change-unverified", "bank-change-verified-by-changer"])
        #expect(Set(planter.notPlanted.keys) == Set(GroundTruth.treasuryKinds + GroundTruth.treasuryLookAlikeKinds).subtracting(planter.problems.map(\.kind)))
        #expect(planter.notPlanted["employee-bank-account"] == "the company has no employees")
        #expect(planter.notPlanted.filter { $0.key != "employee-bank-account" }.values.allSatisfy { $0.contains("no vendor with a bill due") })
    }
}
