import Foundation

/// The facts behind one prediction, kept small so that ranking a million invoices builds no text; the
/// sentence is made when someone reads it.
public struct LateReason: Sendable, Codable, Hashable {
    /// How many of the customer's latest payments `recentRange` covers (0: no history).
    public var recentCount: Int
    public var recentRange: ClosedRange<Int>?
    public var graceDays: Int
    public var overdueDays: Int
    /// The days late the probability is about ("more than … days late").
    public var thresholdDays: Int
    /// The company's share of payments later than the threshold: the prior.
    public var priorShare: Double
    /// The invoice against the customer's usual amount, when it is at least twice it.
    public var timesUsualAmount: Double?

    /// "paid the last 6 invoices 20 to 40 days after due; already 12 days overdue; this one is 3.0× their usual amount"
    public var text: String {
        var parts: [String] = []
        if let range = recentRange {
            let span = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            parts.append(range.upperBound <= graceDays ? "paid the last \(recentCount) invoices on time (\(span) days after due)"
                                                       : "paid the last \(recentCount) invoices \(span) days after due")
        } else {
            parts.append("no paid invoice yet: the company's prior (\(Int((priorShare * 100).rounded())) % of invoices paid more than \(thresholdDays) days late)")
        }
        if overdueDays > 0 { parts.append("already \(overdueDays) days overdue") }
        if let timesUsualAmount { parts.append("this one is \(String(format: "%.1f", timesUsualAmount))× their usual amount") }
        return parts.joined(separator: "; ")
    }
}
