public import CloseStore
public import Ledger
public import Receivables

/// Reads a pulled ledger's customer side from the store and measures it: read-only, no Odoo call.
public enum ReceivablesMeasuresService {
    /// `asOf` defaults to the last day a customer invoice is dated or settled on (or today, if earlier): months
    /// after the last pull would show no sales and look like a collapse. `period` defaults to the month of `asOf`.
    public static func report(store: AppDatabase, sourceKey: SourceKey, asOf: LocalDate? = nil, period: Period? = nil,
                              customerID: Int? = nil) throws -> ReceivablesMeasuresReport {
        let snapshot = try store.loadSnapshot(sourceKey: sourceKey)
        let book = ReceivablesBook(snapshot)
        let lastActivity = book.invoices.lazy.flatMap { [$0.invoiceDate, $0.paidOn].compactMap { $0 } }.max() ?? LocalDate.todayUTC()
        return try report(book: book, source: sourceKey, asOf: asOf ?? min(lastActivity, LocalDate.todayUTC()), period: period, customerID: customerID)
    }

    /// The same on a book already read (the dashboard's and the metrics' cache, tests).
    public static func report(book: ReceivablesBook, source: SourceKey, asOf: LocalDate, period: Period? = nil,
                              customerID: Int? = nil) throws -> ReceivablesMeasuresReport {
        let measures = ReceivablesMeasures(book: book, asOf: asOf)
        let month = period ?? Period(containing: asOf)
        if let period, !measures.periods.isEmpty, !measures.periods.contains(period) {
            throw ReceivablesMeasuresError.periodOutside(period, first: measures.periods[0], last: measures.periods[measures.periods.count - 1])
        }
        guard let customerID else {
            return ReceivablesMeasuresReport(source: source, asOf: asOf, period: month, months: measures.company, customers: measures.customers(in: month))
        }
        let months = measures.customer(customerID)
        guard !months.isEmpty else { throw ReceivablesMeasuresError.unknownCustomer(customerID) }
        return ReceivablesMeasuresReport(source: source, asOf: asOf, period: month, customerID: customerID, months: months,
                                         customers: measures.customers(in: month).filter { $0.customerID == customerID })
    }
}

/// Why the measures could not be given, in a sentence that says what to ask instead.
public enum ReceivablesMeasuresError: Error, CustomStringConvertible, Equatable {
    case periodOutside(Period, first: Period, last: Period)
    case unknownCustomer(Int)

    /// A stable code for the API: the month or the customer is not in the pulled ledger.
    public var code: String {
        switch self {
        case .periodOutside: "not_pulled"
        case .unknownCustomer: "not_found"
        }
    }

    public var description: String {
        switch self {
        case .periodOutside(let period, let first, let last):
            "The pulled ledger's customer invoices run from \(first) to \(last); \(period) is outside them. Ask for a month in that range, or pull \(period) first."
        case .unknownCustomer(let id):
            "Customer \(id) has no posted customer invoice in the pulled ledger. Check the partner id (Odoo's res.partner id), or pull the months they were invoiced."
        }
    }
}
