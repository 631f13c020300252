import CloseWorkflows
import Ledger
import Markup
import Receivables

extension ClosePackageHTML {
    /// The period's collection measures: the trend up to the period, its aging, the months and the customers who owe most.
    static func receivables(_ package: ClosePackage) -> HTML {
        let report = package.receivables
        guard let headline = report.headline else {
            return section("Accounts receivable", "<p>No posted customer invoice up to \(package.period): nothing to measure.</p>\n")
        }
        var customers = HTMLTable(["Customer", "Owed", "Not yet due", "DSO (d)", "ADD (d)", "CEI (%)"], numericColumns: [1, 2, 3, 4, 5])
        for customer in report.customers.prefix(Self.receivablesCustomers) {
            customers.add([customer.customerName, customer.measure.closingReceivables.description, customer.measure.closingCurrent.description]
                          + ReceivablesMeasuresHTML.figures(customer.measure))
        }
        let figures = ReceivablesMeasuresHTML.figures(headline)
        return section("Accounts receivable: DSO \(figures[0]) days, average days delinquent \(figures[1]), CEI \(figures[2]) %",
                       Self.receivablesDefinitions,
                       ReceivablesMeasuresHTML.trend(report.months, whose: package.company), ReceivablesMeasuresHTML.aging(headline),
                       ReceivablesMeasuresHTML.months(report.months),
                       "<h3>Customers who owe most (\(min(report.customers.count, Self.receivablesCustomers)) of \(report.customers.count))</h3>\n", customers.html)
    }

    static let receivablesDefinitions: HTML = """
        <p>DSO = closing receivables ÷ the month's credit sales × its days; average days delinquent = days past due weighted by the amount owed; \
        CEI = what was collected ÷ what could have been (opening + credit sales − what is not yet due).</p>

        """

    /// The package lists the customers who owe most; the CSV has them all.
    static let receivablesCustomers = 25
}
