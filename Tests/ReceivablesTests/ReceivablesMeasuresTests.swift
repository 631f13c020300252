import Foundation
import Ledger
import Receivables
import Testing

/// The collection measures on a book small enough to work by hand: two customers, four invoices and a
/// credit note around March 2026 (31 days).
@Suite struct ReceivablesMeasuresTests {
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: CurrencyCode("EUR")!) }
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    static func invoice(_ id: Int, customer: Int, dated: String, due: String, total: Int64, paid: String? = nil) -> CustomerInvoice {
        CustomerInvoice(id: id, name: "INV/\(id)", customerID: customer, customerName: "Customer \(customer)", invoiceDate: day(dated),
                        dueDate: day(due), total: money(total), open: money(paid == nil ? total : 0), paidOn: paid.map(day))
    }

    static let book = ReceivablesBook(invoices: [
        invoice(1, customer: 1, dated: "2026-02-10", due: "2026-03-12", total: 100_000, paid: "2026-03-20"),
        invoice(2, customer: 1, dated: "2026-03-05", due: "2026-04-04", total: 60_000),
        invoice(3, customer: 2, dated: "2026-01-20", due: "2026-02-19", total: 40_000),
        invoice(4, customer: 2, dated: "2026-03-10", due: "2026-03-20", total: 20_000, paid: "2026-04-10"),
    ], creditNotes: [CustomerCreditNote(id: 9, customerID: 1, date: day("2026-03-15"), total: money(5_000))])

    static let measures = ReceivablesMeasures(book: book, asOf: day("2026-04-15"))
    static let march = try! Period(year: 2026, month: 3)

    @Test func theCompanysMonthByHand() throws {
        let march = try #require(Self.measures.company(in: Self.march))
        // Opening (28 Feb): invoices 1 and 3 = 1,400.00. Sales: 600 + 200 − 50 (credit note) = 750.00.
        // Closing (31 Mar): 600 (not due) + 400 (40 days past due) + 200 (11 days past due) = 1,200.00.
        #expect(march.openingReceivables == Self.money(140_000) && march.creditSales == Self.money(75_000))
        #expect(march.closingReceivables == Self.money(120_000) && march.closingCurrent == Self.money(60_000))
        #expect(march.dsoDays == Decimal(string: "49.6"))                      // 1,200 / 750 × 31
        #expect(march.averageDaysDelinquent == Decimal(string: "15.2"))        // (400 × 40 + 200 × 11) / 1,200 = 15.17
        #expect(march.collectionEffectivenessPercent == Decimal(string: "61.3")) // (1,400 + 750 − 1,200) / (1,400 + 750 − 600) = 61.29 %
        #expect(march.aging.current == Self.money(60_000) && march.aging.days1To30 == Self.money(20_000)
                && march.aging.days31To60 == Self.money(40_000) && march.aging.days61To90.isZero && march.aging.over90.isZero)
    }

    @Test func eachCustomerByHandTheMostOwedFirst() throws {
        let customers = Self.measures.customers(in: Self.march)
        #expect(customers.map(\.customerID) == [1, 2])   // 600.00 owed each at the end: the lower id first
        let first = try #require(customers.first { $0.customerID == 1 }?.measure)
        // Customer 1: opening 1,000, sales 600 − 50 = 550, closing 600 not yet due; all collectible was collected.
        #expect(first.dsoDays == Decimal(string: "33.8") && first.averageDaysDelinquent == 0 && first.collectionEffectivenessPercent == 100)
        let second = try #require(customers.first { $0.customerID == 2 }?.measure)
        // Customer 2: opening 400, sales 200, closing 600 all past due, nothing collected.
        #expect(second.dsoDays == 93 && second.averageDaysDelinquent == Decimal(string: "30.3") && second.collectionEffectivenessPercent == 0)
        #expect(Self.measures.customer(2).map(\.period.description) == ["2026-01", "2026-02", "2026-03", "2026-04"])
    }

    @Test func monthsRunFromTheFirstInvoiceToTheDayMeasured() throws {
        let months = Self.measures.company
        #expect(months.map(\.period.description) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        // January: 400 invoiced, 400 owed and not yet due; nothing was collectible, so no CEI.
        #expect(months[0].dsoDays == 31 && months[0].collectionEffectivenessPercent == nil && months[0].averageDaysDelinquent == 0)
        // April so far (to the 15th): invoice 4 paid on the 10th, no sales, so no DSO.
        #expect(months[3].asOf == Self.day("2026-04-15") && months[3].dsoDays == nil && months[3].closingReceivables == Self.money(100_000))
        #expect(Self.measures.company(in: try Period(year: 2025, month: 12)) == nil)
    }

    @Test func agingBucketsMeetAtTheirBoundaries() {
        let buckets = [-3, 0, 1, 30, 31, 60, 61, 90, 91].map { AgingBuckets.Bucket(daysPastDue: $0) }
        #expect(buckets == [.current, .current, .days1To30, .days1To30, .days31To60, .days31To60, .days61To90, .days61To90, .over90])
    }

    @Test func aBookWithoutInvoicesHasNoMonths() {
        let empty = ReceivablesMeasures(book: ReceivablesBook(invoices: []), asOf: Self.day("2026-04-15"))
        #expect(empty.periods.isEmpty && empty.company.isEmpty && empty.customers(in: Self.march).isEmpty)
    }
}
