import DemoCompany
import Ledger
import Payables
import Testing

/// The demo company's planted duplicate bills (a supplier invoice entered twice, its number retyped),
/// among hundreds of genuine bills — recurring rent of one amount every month, suppliers billing
/// often, consecutive numbers — are every one found, and nothing else is.
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
        let planted = Set(truth.problems(of: "duplicate-vendor-bill").map { Set($0.records.map(\.id)) })
        print("[payables seed \(seed)] duplicate bills: \(found.intersection(planted).count) of \(planted.count) planted found, "
              + "\(found.subtracting(planted).count) other flagged, among \(bills.count) bills")
        #expect(!planted.isEmpty)
        #expect(found == planted, "flagged but not planted: \(hits.filter { !planted.contains(Set([$0.original.id, $0.bill.id])) }.map(\.reason))")
        #expect(hits.allSatisfy { !$0.reason.isEmpty && $0.score > 0 })
    }
}
