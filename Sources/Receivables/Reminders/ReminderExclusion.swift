import Foundation
public import Ledger

/// Why an overdue invoice is left out of the customer's reminder, in words a collector can check.
public enum ReminderExclusion: Sendable, Codable, Hashable {
    /// A collector recorded a dispute: the invoice goes to its owner, not to the reminder sequence.
    case disputed(reason: String)
    /// The customer promised to pay by this day (grace included); reminders wait until it passes.
    case promised(until: LocalDate)
    /// A bank statement line not yet reconciled pays it, as the bank matcher scores it.
    case paymentOnBankLine(statementLineID: Int, date: LocalDate, amount: Money, probability: Double)
    /// Odoo shows it paid (or no longer open) though the pulled ledger did not.
    case settledInOdoo(paymentState: String)

    public var text: String {
        switch self {
        case .disputed(let reason): "disputed: \(reason)"
        case .promised(let until): "promised to be paid by \(until)"
        case .paymentOnBankLine(let id, let date, let amount, let probability):
            "a payment of \(amount) on the bank statement of \(date) (line \(id), match \(Int((probability * 100).rounded())) %) awaits reconciliation"
        case .settledInOdoo(let state): "Odoo shows it \(state.replacingOccurrences(of: "_", with: " ")) since the last pull"
        }
    }
}
