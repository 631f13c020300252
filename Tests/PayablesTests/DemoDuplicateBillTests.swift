import DemoCompany
import Ledger
import Payables
import Testing

/// The demo company's planted duplicate bills — a supplier invoice keyed twice, its number retyped or
/// reformatted, and one billed again under another supplier — among hundreds of genuine bills and the
/// planted look-alikes (last year's number reused after the vendor's numbering restarted, the monthly
/// rent): every one found, with the signal of its kind, and nothing else.
@Suite struct DemoDuplicateBillTests {
    @Test(arguments: [42, 7, 2024] as [UInt64])
    func everyPlantedDuplicateIsFoundAndNothingElse(seed: UInt64) {
        var options = DemoOptions()
        options.seed = seed
        let book = DemoCompany.generate(options)
        let truth = book.groundTruth
        let source = SourceKey.demo("northwind", seed: seed)
        let bills = VendorBill.bills(in: book.snapshot, source: source)
        let index = DuplicateBillIndex(bills)
        let hits = bills.filter { $0.invoiceDate.map(truth.period.contains) == true && $0.state != .cancelled }
            .flatMap { bill in index.duplicates(of: bill).filter { $0.original.precedes(bill) } }
        let found = Set(hits.map { Set([$0.original.id, $0.bill.id]) })
        let sameVendor = Set(truth.problems(of: "duplicate-vendor-bill").map { Set($0.records.map(\.id)) })
        let otherVendor = Set(truth.problems(of: "other-vendor-duplicate-bill").map { Set($0.records.map(\.id)) })
        let lookAlikes = Set(truth.payablesLookAlikes.map { Set($0.records.map(\.id)) })
        print("[payables seed \(seed)] duplicate bills: \(found.intersection(sameVendor.union(otherVendor)).count) of "
              + "\(sameVendor.count + otherVendor.count) planted found, \(found.subtracting(sameVendor.union(otherVendor)).count) other flagged, "
              + "\(found.intersection(lookAlikes).count) of \(lookAlikes.count) look-alikes flagged, among \(bills.count) bills")
        // Two look-alikes are the ledger's; three more are bills of purchase orders, which the store does not hold.
        #expect(sameVendor.count == 3 && otherVendor.count == 2 && lookAlikes.count == 5)
        #expect(found == sameVendor.union(otherVendor),
                "flagged but not planted: \(hits.filter { !sameVendor.union(otherVendor).contains(Set([$0.original.id, $0.bill.id])) }.map(\.reason))")
        for hit in hits {
            let pair = Set([hit.original.id, hit.bill.id])
            #expect(otherVendor.contains(pair) == (hit.signals.first == .otherVendorSameReference), "\(hit.reason)")
        }
    }
}
