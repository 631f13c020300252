import Ledger

/// The signs on an invoice the model weighs besides the customer's days late: an amount at least twice the
/// customer's usual (their median, three paid invoices at least), and a credit note to the customer in the
/// `creditNoteDays` before the due date (a return or a dispute that may hold the payment up).
enum InvoiceSigns {
    static let largeMultiple: Int64 = 2
    /// Customers with fewer paid invoices have no usual amount worth comparing with.
    static let minimumHistory = 3
    static let creditNoteDays = 90

    static func isLarge(_ total: Int64, usual: Int64) -> Bool { usual > 0 && total >= largeMultiple * usual }

    /// Whether a credit note of `run` (the customer's credit note days, ascending) falls in the days before `due`.
    static func hadCreditNote(before due: LocalDate, in run: Range<Int>, of notes: SortedRuns) -> Bool {
        let day = Int(due.daysSinceEpoch)
        return notes.firstAbove(day, in: run) > notes.firstAbove(day - creditNoteDays - 1, in: run)
    }
}
