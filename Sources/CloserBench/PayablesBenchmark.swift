import DemoCompany
import Foundation
import Ledger
import Payables

/// The payables bars: one new bill's duplicate search against a million stored bills (every signal:
/// references, attachments, vendor and amount), as latency percentiles over 10,000 searches of new
/// bills — a fifth of them retyped copies — and the purchase-order match of 100,000 bill lines.
///   swift build -c release --product closer-bench && .build/release/closer-bench payables
enum PayablesBenchmark {
    static let source = SourceKey.odoo(url: "https://bench.example.com", database: "bench", companyID: 1)

    @discardableResult
    static func run(stored: Int = 1_000_000, searches: Int = 10_000, billLines: Int = 100_000, runs: Int = 3) -> [String] {
        var random = DemoRandom(seed: 17)
        let bills = (0..<stored).map { bill($0, random: &random) }
        let start = ContinuousClock.now
        let index = DuplicateBillIndex(bills)
        let indexing = (ContinuousClock.now - start).seconds
        var latencies: [Double] = []
        var flagged = 0
        for search in 0..<searches {
            var new = bill(stored + search, random: &random)
            if search % 5 == 0 {   // a copy of a stored bill with its reference retyped
                let original = bills[Int(random.next() % UInt64(stored))]
                new.vendor = original.vendor
                new.total = original.total
                new.reference = original.reference.map { $0.lowercased().replacingOccurrences(of: "-", with: " ") }
            }
            let began = ContinuousClock.now
            flagged += index.duplicates(of: new).isEmpty ? 0 : 1
            latencies.append((ContinuousClock.now - began).seconds * 1000)
        }
        latencies.sort()
        let percentile = { (share: Double) in latencies[min(latencies.count - 1, Int(Double(latencies.count) * share))] }
        let duplicates = String(format: "duplicate search, one new bill against %@ stored: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%@ searches, %@ flagged; index built in %.2f s)",
                                stored.formatted(), percentile(0.5), percentile(0.99), latencies.last ?? 0, searches.formatted(), flagged.formatted(), indexing)
        print(duplicates)
        let matching = matchRun(lines: billLines, runs: runs, random: &random)
        print(matching)
        return [duplicates, matching]
    }

    /// 4 lines a bill, each on its own order line, a tenth of them billed beyond what was received.
    static func matchRun(lines: Int, runs: Int, random: inout DemoRandom) -> String {
        var orderLines: [Int: BilledOrderLine] = [:]
        var matchBills: [VendorBill] = []
        for number in 0..<(lines / 4) {
            var bill = bill(number, random: &random)
            bill.lines = (0..<4).map { offset in
                let id = number * 4 + offset
                let received = Decimal(Int(random.next() % 10) == 0 ? 5 : 10)
                orderLines[id] = BilledOrderLine(
                    line: OrderLine(side: .purchase, id: id, orderID: number, orderName: "P\(number)", partnerID: bill.vendor.partnerID, productName: "Part \(id)",
                                    accountID: nil, quantityOrdered: 10, quantityFulfilled: received, quantityInvoiced: 10, unitPrice: 12,
                                    currencyID: 1, orderDate: LocalDate(iso: "2026-09-01")!, state: .purchase),
                    policy: .onReceipt, currency: bill.total.currency)
                return VendorBillLine(id: id, label: "Part \(id)", quantity: 10, unitPrice: 12, purchaseLineID: id)
            }
            matchBills.append(bill)
        }
        let matcher = PurchaseOrderMatcher()
        var times: [Double] = []
        var exceptions = 0
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            exceptions = matchBills.reduce(0) { $0 + matcher.match($1, orderLines: orderLines).exceptions.count }
            times.append((ContinuousClock.now - start).seconds)
        }
        return String(format: "purchase-order match of %@ bill lines: %.3f s (median of %d), %@ exceptions",
                      lines.formatted(), times.sorted()[times.count / 2], runs, exceptions.formatted())
    }

    /// A bill of one of 20,000 vendors, with a vendor-style reference, an amount and a date in 2026.
    static func bill(_ id: Int, random: inout DemoRandom) -> VendorBill {
        let vendor = Int(random.next() % 20_000)
        let day = LocalDate(iso: "2026-01-01")!.adding(days: Int(random.next() % 330))
        return VendorBill(source: source, id: id, name: "BILL/\(id)", companyID: 1,
                          vendor: BillVendor(partnerID: vendor, name: "Vendor \(vendor)"), reference: "INV-\(vendor)-\(random.next() % 100_000)",
                          invoiceDate: day, state: .posted,
                          total: Money(minorUnits: Int64(random.next() % 5_000_000) + 100, currency: CurrencyCode("EUR")!),
                          attachmentChecksums: [String(random.next(), radix: 16)])
    }
}
