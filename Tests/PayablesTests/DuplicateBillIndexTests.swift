import Ledger
import Payables
import Testing

@Suite struct DuplicateBillIndexTests {
    typealias F = BillFixture

    func hits(_ bill: VendorBill, among stored: [VendorBill], rules: DuplicateRules = DuplicateRules()) -> [DuplicateHit] {
        DuplicateBillIndex(stored).duplicates(of: bill, rules: rules)
    }

    @Test func odoosExactRuleAndAReformattedReferenceAreBothFound() {
        let original = F.bill(1, "INV-0012", "1200.00", on: "2026-10-02")
        let exact = hits(F.bill(2, "INV-0012", "1200.00", on: "2026-10-03"), among: [original])
        #expect(exact.map(\.signals.first) == [.exactReference])
        let retyped = hits(F.bill(3, "inv 12", "1200.00", on: "2026-10-09"), among: [original])
        #expect(retyped.map(\.signals.first) == [.reformattedReference])
        #expect(retyped[0].score == DuplicateSignal.reformattedReference.score)
        #expect(retyped[0].reason.contains("BILL/1 (ref INV-0012) of Office Supplies Ltd") && retyped[0].reason.contains("leading zeros"))
    }

    @Test func numberingThatRestartsEachYearIsNotADuplicateUnlessTheAmountRepeatsToo() {
        let lastYear = F.bill(1, "2026-001", "480.00", on: "2025-01-14")
        #expect(hits(F.bill(2, "2026-001", "512.00", on: "2026-01-12"), among: [lastYear]).isEmpty)
        #expect(hits(F.bill(3, "2026-1", "480.00", on: "2026-01-12"), among: [lastYear]).map(\.signals.first) == [.reformattedReference])
    }

    @Test func billsOfOnePurchaseOrderAreNotDuplicates() {
        let first = F.bill(1, "INV-101", "2500.00", on: "2026-10-05", orders: [40])
        #expect(hits(F.bill(2, "INV-102", "2500.00", on: "2026-10-06", orders: [40]), among: [first]).isEmpty)
        #expect(hits(F.bill(3, nil, "2500.00", on: "2026-10-06", orders: [40]), among: [first]).isEmpty,
                "an instalment of the same order without a reference")
        #expect(hits(F.bill(4, "INV-102", "2500.00", on: "2026-10-06"), among: [first]).map(\.signals) == [[.sameAmountNearDate]],
                "outside an order, one character apart is worth the question")
        #expect(hits(F.bill(5, "INV-187", "2500.00", on: "2026-10-06"), among: [first]).isEmpty, "two characters apart are two bills")
    }

    @Test func theSameAmountDaysApartIsFlaggedOnlyWhenTheReferencesDoNotTellThemApart() {
        let original = F.bill(1, "INV-5531", "990.00", on: "2026-10-05")
        #expect(hits(F.bill(2, nil, "990.00", on: "2026-10-08"), among: [original]).map(\.signals) == [[.sameAmountNearDate]])
        #expect(hits(F.bill(3, "INV-5513", "990.00", on: "2026-10-08"), among: [original]).map(\.signals) == [[.sameAmountNearDate]],
                "two digits swapped")
        #expect(hits(F.bill(4, nil, "990.00", on: "2026-11-05"), among: [original]).isEmpty, "a month later: the recurring bill")
        #expect(hits(F.bill(5, nil, "990.02", on: "2026-10-06"), among: [original]).isEmpty, "no tolerance by default")
        let tolerant = DuplicateRules(amountToleranceMinorUnits: 5)
        #expect(hits(F.bill(6, nil, "990.02", on: "2026-10-06"), among: [original], rules: tolerant).count == 1)
    }

    @Test func theSameReferenceAndAmountUnderAnotherVendorIsAFraudSignal() {
        let original = F.bill(1, "INV-2031", "4300.00", on: "2026-10-05")
        let other = hits(F.bill(2, "INV 2031", "4300.00", on: "2026-10-20", vendor: F.print), among: [original])
        #expect(other.map(\.signals.first) == [.otherVendorSameReference])
        #expect(other[0].reason.contains("another vendor"))
        #expect(hits(F.bill(3, "INV-2031", "120.00", on: "2026-10-20", vendor: F.print), among: [original]).isEmpty, "another amount")
        let short = F.bill(4, "12", "4300.00", on: "2026-10-05")
        #expect(hits(F.bill(5, "12", "4300.00", on: "2026-10-05", vendor: F.print), among: [short]).isEmpty, "'12' says too little")
    }

    @Test func theSameAttachmentIsFoundWhateverTheReference() {
        let original = F.bill(1, "A-1", "75.00", on: "2026-10-05", attachments: ["9c1185a5c5e9fc54612808977ee8f548b2258d31"])
        let copy = hits(F.bill(2, "B-77", "57.00", on: "2026-12-01", vendor: F.print, attachments: ["9c1185a5c5e9fc54612808977ee8f548b2258d31"]),
                        among: [original])
        #expect(copy.map(\.signals) == [[.sameAttachment]])
    }

    @Test func acrossCompaniesAndDatabasesTheReasonSaysWhere() {
        let inSister = hits(F.bill(2, "INV-0012", "1200.00", on: "2026-10-03"), among: [F.bill(1, "INV-12", "1200.00", on: "2026-10-02", source: F.sister)])
        #expect(inSister.first?.reason.contains("another company of the database (company 2)") == true)
        // Another database: partner ids mean nothing there; the tax id says it is the same vendor.
        let elsewhere = BillVendor(partnerID: 310, name: "OFFICE SUPPLIES LIMITED", taxID: "GB 123 456 789")
        let inOther = hits(F.bill(2, "INV-0012", "1200.00", on: "2026-10-03"),
                           among: [F.bill(1, "INV-12", "1200.00", on: "2026-10-02", vendor: elsewhere, source: F.otherDatabase)])
        #expect(inOther.map(\.signals.first) == [.reformattedReference])
        #expect(inOther.first?.reason.contains("another database") == true)
        let nameless = BillVendor(partnerID: 7, name: nil)
        #expect(hits(F.bill(2, "INV-0012", "1200.00", on: "2026-10-03", vendor: nameless),
                     among: [F.bill(1, "INV-0012", "9.00", on: "2026-10-02", vendor: nameless, source: F.otherDatabase)]).isEmpty,
                "a vendor without a name or tax id is nobody elsewhere")
    }

    @Test func cancelledOriginalsRefundsAndTheBillItselfAreNotDuplicates() {
        let cancelled = F.bill(1, "INV-77", "300.00", on: "2026-10-02", state: .cancelled)
        #expect(hits(F.bill(2, "INV-77", "300.00", on: "2026-10-02"), among: [cancelled]).isEmpty)
        let bill = F.bill(3, "INV-78", "300.00", on: "2026-10-02")
        #expect(hits(F.bill(4, "INV-78", "300.00", on: "2026-10-09", refund: true), among: [bill]).isEmpty)
        #expect(hits(bill, among: [bill]).isEmpty)
    }

    @Test func aBillInsertedLaterIsFoundByEverySignal() {
        var index = DuplicateBillIndex((1...50).map { F.bill($0, "X-\($0 * 7)", "\($0 * 10).00", on: "2026-09-01") })
        index.insert(F.bill(100, nil, "260.00", on: "2026-10-05"))
        index.insert(F.bill(101, nil, "255.00", on: "2026-10-05"))
        let found = index.duplicates(of: F.bill(102, nil, "260.00", on: "2026-10-07"))
        #expect(found.map(\.original.id) == [100] && index.count == 52)
    }
}
