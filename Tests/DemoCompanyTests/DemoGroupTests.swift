@testable import DemoCompany
import Ledger
import Testing

@Suite struct DemoGroupTests {
    static let group = DemoGroup.generate()

    @Test func theParentKeepsTheDemoCompanysBooksAndOnlyGainsItsIntercompanyEntries() {
        let base = DemoFixture.snapshot, parent = Self.group.parent.snapshot
        #expect(Array(parent.moves.prefix(base.moves.count)) == base.moves)
        #expect(Array(parent.lines.prefix(base.lines.count)) == base.lines)
        #expect(parent.statementLines == base.statementLines && parent.company == base.company)
        #expect(Array(parent.partners.dropLast()) == base.partners && parent.partners.last?.name == DemoGroup.subsidiaryName)
        let added = parent.moves.dropFirst(base.moves.count)
        #expect(!added.isEmpty && added.allSatisfy { $0.partnerID == parent.partners.last?.id && $0.state == .posted })
        #expect(Set(parent.moves.map(\.name)).count == Set(base.moves.map(\.name)).count + added.count, "appended names continue the sequences")
    }

    @Test func theIntercompanyEntriesBalanceAndTheSubsidiaryKnowsTheParentByName() {
        // The parent's own books hold a planted unbalanced entry: only what the group adds is summed there.
        let added = Self.group.parent.snapshot.lines.dropFirst(DemoFixture.snapshot.lines.count)
        for lines in [Array(added), Self.group.subsidiary.snapshot.lines] {
            #expect(lines.reduce(0) { $0 + $1.debit.minorUnits - $1.credit.minorUnits } == 0)
        }
        let subsidiary = Self.group.subsidiary.snapshot
        #expect(subsidiary.company.id == 2 && subsidiary.company.name == DemoGroup.subsidiaryName)
        #expect(subsidiary.partners.map(\.name) == [DemoFixture.snapshot.company.name])
        #expect(subsidiary.company.lockDates.fiscalYear == DemoOptions().closePeriod.end)
        #expect(DemoGroup.generate(subsidiaryClosed: false).subsidiary.snapshot.company.lockDates.fiscalYear == LocalDate(iso: "2026-09-30"))
    }

    @Test func twoMismatchesArePlantedInTheClosePeriodWithTheirDocuments() throws {
        let planted = Self.group.planted
        #expect(planted.map(\.kind).sorted() == ["amounts-differ", "missing-at-buyer"])
        let period = DemoOptions().closePeriod
        let subsidiaryMoves = Dictionary(uniqueKeysWithValues: Self.group.subsidiary.snapshot.moves.map { ($0.id, $0) })
        for difference in planted {
            let invoice = try #require(difference.sellerDocument.flatMap { subsidiaryMoves[$0.id] })
            #expect(period.contains(invoice.date) && invoice.type == .customerInvoice)
            #expect(!difference.balanceDifference.isZero && difference.balanceDifference.magnitude > difference.revenueDifference.magnitude)
        }
        #expect(DemoGroup.generate().planted == planted, "the same seed plants the same differences")
    }
}
