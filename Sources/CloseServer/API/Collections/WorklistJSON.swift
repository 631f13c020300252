import CloseWorkflows
import Foundation
import Ledger
import Receivables

/// The collections worklist as the API sends it: the most cash at risk first, money as exact decimal text in the
/// company currency (like every amount the API sends), the probability in basis points and as decimal text.
struct WorklistJSON: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var invoiceID: Int
        var invoice: String
        var customerID: Int
        var customer: String
        var invoiceDate: LocalDate
        var dueDate: LocalDate
        var daysOverdue: Int
        var open: String
        var currency: String
        var probabilityBasisPoints: Int
        /// 0 to 1, four decimals: the basis points as decimal text.
        var probability: String
        var predictedPayDate: LocalDate
        var cashAtRisk: String
        var reason: String
        /// Whether the customer had too little history and the company's prior decided.
        var fromPrior: Bool
        var dispute: String?
        var promisedOn: LocalDate?
    }

    var source: SourceKey
    var asOf: LocalDate
    var openInvoices: Int
    var open: String
    var cashAtRisk: String
    var currency: String
    var entries: [Entry]

    init(_ report: CollectionsWorklistReport) {
        source = report.source
        asOf = report.asOf
        openInvoices = report.openInvoices
        open = report.open.decimalText
        cashAtRisk = report.cashAtRisk.decimalText
        currency = "\(report.open.currency)"
        entries = report.entries.map { entry in
            let prediction = entry.prediction, invoice = prediction.invoice
            return Entry(invoiceID: invoice.id, invoice: invoice.name, customerID: invoice.customerID, customer: invoice.customerName,
                         invoiceDate: invoice.invoiceDate, dueDate: invoice.dueDate, daysOverdue: entry.daysOverdue, open: invoice.open.decimalText,
                         currency: "\(invoice.open.currency)", probabilityBasisPoints: prediction.probabilityBasisPoints,
                         probability: String(format: "%d.%04d", prediction.probabilityBasisPoints / 10_000, prediction.probabilityBasisPoints % 10_000),
                         predictedPayDate: prediction.predictedPayDate, cashAtRisk: prediction.cashAtRisk.decimalText, reason: entry.reason,
                         fromPrior: prediction.fromPrior, dispute: entry.dispute, promisedOn: entry.promisedOn)
        }
    }
}
