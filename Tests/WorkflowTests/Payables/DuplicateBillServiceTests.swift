import CloseStore
import CloseWorkflows
import DemoCompany
import Ledger
import Payables
import Testing

/// `closer payables duplicates` on stored ledgers: the period's planted duplicates found once each, on
/// the copy; and a bill keyed again into another company's ledger found there, the reason saying where.
@Suite struct DuplicateBillServiceTests {
    @Test func thePlantedDuplicatesAreReportedOnceOnTheCopyAcrossLedgers() async throws {
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let store = try AppDatabase.inMemory()
        let period = book.groundTruth.period
        let home: SourceKey = "demo:home/company=1", sister: SourceKey = "demo:home/company=2"
        _ = try await PullService(store: store, actor: "test").pull(from: DemoLedgerSource(book: book), sourceKey: home, period: period,
                                                                    historyMonths: 3, progress: { _, _ in })
        let report = try DuplicateBillService(store: store).duplicates(sourceKey: home, period: period)
        let planted = Set((book.groundTruth.problems(of: "duplicate-vendor-bill") + book.groundTruth.problems(of: "other-vendor-duplicate-bill"))
            .map { Set($0.records.map(\.id)) })
        #expect(Set(report.hits.map { Set([$0.original.id, $0.bill.id]) }) == planted && report.hits.count == planted.count)
        #expect(report.hits.allSatisfy { $0.original.precedes($0.bill) })

        // The same books pulled again as a second company of the database: every bill is now also keyed there.
        _ = try await PullService(store: store, actor: "test").pull(from: DemoLedgerSource(book: book), sourceKey: sister, period: period,
                                                                    historyMonths: 3, progress: { _, _ in })
        // The store reads the bills straight from its entries: exactly what each whole ledger holds.
        let fromSnapshots = try [home, sister].flatMap { VendorBill.bills(in: try store.loadSnapshot(sourceKey: $0), source: $0) }
        #expect(try store.storedVendorBills() == fromSnapshots && fromSnapshots.count > 100)
        #expect(try store.storedVendorBills { $0 == sister } == fromSnapshots.filter { $0.source == sister })
        let twice = try DuplicateBillService(store: store).duplicates(sourceKey: sister, period: period)
        let twins = twice.hits.filter { $0.original.source == home && $0.original.id == $0.bill.id }
        #expect(twice.checked == report.checked && Set(twins.map(\.bill.id)).count == report.checked, "each bill keyed twice is found")
        #expect(twins.allSatisfy { $0.signals.first == .exactReference || $0.bill.reference == nil })
        #expect(try DuplicateBillService(store: store).duplicates(sourceKey: home, period: period.advanced(by: -1)).checked > 0)
    }
}
