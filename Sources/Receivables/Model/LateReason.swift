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
            var large = "this one is \(String(format: "%.1f", timesUsualAmount))× their usual amount"
            if let ratio = largeInvoiceOddsRatio, ratio != 1 {
                large += ratio > 1 ? String(format: " (invoices that large are paid late more often here: odds %.1f×)", ratio)
                                   : String(format: " (invoices that large are paid late less often here: odds %.1f×)", ratio)
            }
            parts.append(large)
        }
        return parts.joined(separator: "; ")
    }

    /// "3 days early", "on the due day", "12 days late".
    static func timing(_ daysLate: Int) -> String {
        daysLate == 0 ? "on the due day" : "\(abs(daysLate)) \(abs(daysLate) == 1 ? "day" : "days") \(daysLate < 0 ? "early" : "late")"
    }
}
