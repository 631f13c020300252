import ArgumentParser
import CloseWorkflows
import Foundation
import Ledger
import Receivables

/// `closer collections measures`: DSO, average days delinquent, CEI and aging,
/// every month of the pulled ledger and each customer in one month; read-only, from the store.
struct CollectionsMeasuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Collection measures from the pulled ledger: DSO, average days delinquent, CEI and aging, per month and per customer; read-only.")
    @OptionGroup var scope: LedgerScope
    @Option(help: "The month of the customer table and the headline, YYYY-MM (default: the month of --as-of).") var period: String?
    @Option(help: "Only this customer (Odoo's res.partner id).") var customer: Int?
    @Option(help: "The day measured, YYYY-MM-DD (default: the last day a customer invoice is dated or settled on, or today if earlier).") var asOf: LocalDate?

    func validate() throws {
        if let period { do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) } }
    }

    func run() async throws {
        let (store, key) = try scope.openStore()
        let report = try ReceivablesMeasuresService.report(store: store, sourceKey: key, asOf: asOf, period: try period.map { try Period(parsing: $0) },
                                                           customerID: customer)
        if scope.common.json { return try Output.json(report) }
        guard let headline = report.headline else {
            return print("No posted customer invoice in the pulled ledger up to \(report.asOf): nothing to measure.")
        }
        let whose = report.customerID.map { id in report.customers.first?.customerName ?? "customer \(id)" } ?? "the company"
        print("Receivables of \(whose), \(report.period) (to \(headline.asOf)): \(Self.line(headline))")
        print("  aging: " + headline.aging.buckets.map { "\($0.bucket.title) \($0.amount)" }.joined(separator: ", "))
        print("By month (DSO = closing receivables / credit sales × days; ADD = days past due weighted by amount):")
        for month in report.months { print("  \(month.period)  \(Self.line(month))") }
        if report.customerID == nil {
            print("Customers in \(report.period), the most owed first:")
            for customer in report.customers { print("  \(customer.customerName) (\(customer.customerID)): \(Self.line(customer.measure))") }
        }
    }

    static func line(_ measure: ReceivablesMeasure) -> String {
        func days(_ value: Decimal?) -> String { value.map { "\($0) d" } ?? "—" }
        return "owed \(measure.closingReceivables) (\(measure.closingCurrent) not yet due), credit sales \(measure.creditSales); "
            + "DSO \(days(measure.dsoDays)), ADD \(days(measure.averageDaysDelinquent)), CEI \(measure.collectionEffectivenessPercent.map { "\($0) %" } ?? "—")"
    }
}
