import Foundation

/// The facts behind one prediction, kept small so that ranking a million invoices builds no text; the
/// sentence is made when someone reads it.
public struct LateReason: Sendable, Codable, Hashable {
    /// How many of the customer's latest payments `recentRange` covers (0: no history).
    public var recentCount: Int
    public var recentRange: ClosedRange<Int>?
    public var graceDays: Int
    public var overdueDays: Int
    /// The days late the probability is about ("more than … days late"): the days overdue plus the grace.
    public var thresholdDays: Int
    /// The company's share of invoices, among those still unpaid `overdueDays` late, paid more than the threshold late: the prior.
    public var priorShare: Double
    /// The invoice against the customer's usual amount, when it is at least twice it.
    public var timesUsualAmount: Double?
    /// How much likelier the company's large invoices were paid late (an odds ratio), when it weighed on this one.
    public var largeInvoiceOddsRatio: Double?
    /// How much likelier invoices due soon after a credit note to the customer were paid late, when it weighed on this one.
    public var creditNoteOddsRatio: Double?

    /// "paid the last 6 invoices 20 to 40 days late; already 12 days overdue; this one is 3.0× their usual amount"
    public var text: String {
        var parts: [String] = []
        if let range = recentRange {
            let (low, high) = (range.lowerBound, range.upperBound)
            let span = low == high ? Self.timing(low)
                : low >= 0 ? "\(low) to \(high) days late"
                : high <= 0 ? "\(-high) to \(-low) days early"
                : "between \(Self.timing(low)) and \(Self.timing(high))"
            let which = recentCount == 1 ? "their only invoice so far" : "the last \(recentCount) invoices"
            parts.append(range.upperBound <= graceDays ? "paid \(which) on time (\(span))" : "paid \(which) \(span)")
        } else {
            let share = "\(Int((priorShare * 100).rounded())) %"
            parts.append(overdueDays == 0
                ? "no paid invoice yet: the company's prior (\(share) of its invoices paid more than \(thresholdDays) days late)"
                : "no paid invoice yet: the company's prior (\(share) of its invoices still unpaid \(overdueDays) days after due stayed so more than \(graceDays) days longer)")
        }
        if overdueDays > 0 { parts.append("already \(overdueDays) days overdue") }
        if let timesUsualAmount {
            parts.append("this one is \(String(format: "%.1f", timesUsualAmount))× their usual amount" + Self.weighed(largeInvoiceOddsRatio, "invoices that large"))
        }
        if let creditNoteOddsRatio, creditNoteOddsRatio != 1 {
            parts.append("a credit note to them came shortly before" + Self.weighed(creditNoteOddsRatio, "invoices due after a credit note"))
        }
        return parts.joined(separator: "; ")
    }

    /// " (invoices that large are paid late more often here: odds 3.0×)", or nothing where the sign said nothing.
    static func weighed(_ ratio: Double?, _ what: String) -> String {
        guard let ratio, ratio != 1 else { return "" }
        return String(format: " (\(what) are paid late \(ratio > 1 ? "more" : "less") often here: odds %.1f×)", ratio)
    }

    /// "3 days early", "on the due day", "12 days late".
    static func timing(_ daysLate: Int) -> String {
        daysLate == 0 ? "on the due day" : "\(abs(daysLate)) \(abs(daysLate) == 1 ? "day" : "days") \(daysLate < 0 ? "early" : "late")"
    }
}
