public import Ledger

/// DSO, average days delinquent, CEI and aging for every month of a receivables book, up to `asOf`, for
/// the company and for each customer (see `ReceivablesMeasure` for the definitions).
///
/// The book holds each invoice's total, its open amount today and the day it was settled, not every part
/// payment: on a past day an invoice settled later counts its full total, one still open its open amount.
public struct ReceivablesMeasures: Sendable {
    public struct CustomerMeasure: Sendable, Codable, Hashable {
        public var customerID: Int
        public var customerName: String
        public var measure: ReceivablesMeasure
    }

    public let asOf: LocalDate
    /// Every month from the first invoice's to `asOf`'s, oldest first (empty without invoices).
    public let periods: [Period]
    let book: ReceivablesBook
    let invoicesByCustomer: [Int: [CustomerInvoice]]
    let creditNotesByCustomer: [Int: [CustomerCreditNote]]

    public init(book: ReceivablesBook, asOf: LocalDate) {
        self.asOf = asOf
        self.book = book
        invoicesByCustomer = Dictionary(grouping: book.invoices, by: \.customerID)
        creditNotesByCustomer = Dictionary(grouping: book.creditNotes, by: \.customerID)
        var periods: [Period] = []
        if let first = book.invoices.map(\.invoiceDate).min(), first <= asOf {
            var period = Period(containing: first)
            while period.start <= asOf {
                periods.append(period)
                period = period.next
            }
        }
        self.periods = periods
    }

    /// The company's measures, one per month, oldest first.
    public var company: [ReceivablesMeasure] { periods.compactMap { Self.measure(book.invoices, book.creditNotes, in: $0, asOf: asOf) } }

    /// The company's measures of one month; nil for a month outside the book's.
    public func company(in period: Period) -> ReceivablesMeasure? {
        periods.contains(period) ? Self.measure(book.invoices, book.creditNotes, in: period, asOf: asOf) : nil
    }

    /// One customer's measures, one per month, oldest first (empty for a customer without invoices).
    public func customer(_ customerID: Int) -> [ReceivablesMeasure] {
        guard let invoices = invoicesByCustomer[customerID] else { return [] }
        return periods.compactMap { Self.measure(invoices, creditNotesByCustomer[customerID] ?? [], in: $0, asOf: asOf) }
    }

    /// Every customer who owed something or bought in the month, the most owed at its end first.
    public func customers(in period: Period) -> [CustomerMeasure] {
        guard periods.contains(period) else { return [] }
        return invoicesByCustomer.compactMap { customerID, invoices -> CustomerMeasure? in
            guard let measure = Self.measure(invoices, creditNotesByCustomer[customerID] ?? [], in: period, asOf: asOf),
                  measure.openingReceivables.minorUnits != 0 || measure.creditSales.minorUnits != 0 || measure.closingReceivables.minorUnits != 0
            else { return nil }
            return CustomerMeasure(customerID: customerID, customerName: invoices[0].customerName, measure: measure)
        }
        .sorted { ($1.measure.closingReceivables.minorUnits, $0.customerID) < ($0.measure.closingReceivables.minorUnits, $1.customerID) }
    }

    static func measure(_ invoices: [CustomerInvoice], _ creditNotes: [CustomerCreditNote], in period: Period, asOf: LocalDate) -> ReceivablesMeasure? {
        guard let unit = invoices.first?.total else { return nil }
        let end = min(period.end, asOf), openingDay = period.start.adding(days: -1)
        var opening: Int64 = 0, sales: Int64 = 0, pastDueWeight: Int64 = 0
        var aging = AgingBuckets(zero: Money(minorUnits: 0, currency: unit.currency, scale: unit.scale))
        for invoice in invoices {
            if period.start <= invoice.invoiceDate && invoice.invoiceDate <= end { sales += invoice.total.minorUnits }
            opening += owed(invoice, on: openingDay)
            let closing = owed(invoice, on: end)
            guard closing != 0 else { continue }
            let daysPastDue = invoice.dueDate.days(until: end)
            aging.add(closing, daysPastDue: daysPastDue)
            pastDueWeight += closing * Int64(max(0, daysPastDue))
        }
        for note in creditNotes where period.start <= note.date && note.date <= end { sales -= note.total.minorUnits }
        return ReceivablesMeasure(period: period, asOf: end, opening: opening, sales: sales, aging: aging, pastDueWeight: pastDueWeight)
    }

    /// What the invoice was owed on `day` in minor units, as far as the book can tell (see the type's note).
    static func owed(_ invoice: CustomerInvoice, on day: LocalDate) -> Int64 {
        guard invoice.invoiceDate <= day else { return 0 }
        guard let paidOn = invoice.paidOn else { return invoice.open.minorUnits }
        return paidOn > day ? invoice.total.minorUnits : 0
    }
}
