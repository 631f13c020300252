public import Ledger

/// One fact that says a bill expensed at once pays for months after the period (or that it does not), with its
/// weight in log-odds. Only `servicePeriod`, `annualCadence` and `earlierDeferral` say the cost spans time;
/// the account's nature and its run-rate make that likelier but never suffice alone (a large one-off repair has both).
public enum PrepaidEvidence: Sendable, Codable, Hashable {
    /// The label's service period runs past the period.
    case servicePeriod(ClosedRange<Period>)
    /// The vendor billed once in the year before, around the same month.
    case annualCadence(lastBilled: Period)
    /// The company booked the vendor's earlier bill to a prepaid account, over this many months.
    case earlierDeferral(months: Int)
    case nature(CostNature)
    /// The line is at least the rule's multiple of the account's mean month (nil: nothing booked there in the year before).
    case aboveRunRate(usualMonth: Money?)

    /// Log-odds each fact adds to the prior; tuned so a label or an earlier deferral with one supporting fact
    /// clears 0.8, and a cadence alone stays below the rule set's default minimum (0.5).
    var weight: Double {
        switch self {
        case .servicePeriod: 3.0
        case .earlierDeferral: 2.5
        case .annualCadence: 2.0
        case .nature: 1.0
        case .aboveRunRate: 1.0
        }
    }

    var spansTime: Bool {
        switch self {
        case .servicePeriod, .annualCadence, .earlierDeferral: true
        case .nature, .aboveRunRate: false
        }
    }

    /// The fact in words, for the reason.
    func words(accountName: String, multiple: Int) -> String {
        switch self {
        case .servicePeriod(let months): "the label covers \(months.lowerBound) to \(months.upperBound)"
        case .annualCadence(let last): "the vendor bills once a year (last in \(last))"
        case .earlierDeferral(let months): "the vendor's earlier bill was booked to a prepaid account over \(months) months"
        case .nature(let nature): "\(accountName) is \(nature.words)"
        case .aboveRunRate(let usual?): "the amount is at least \(multiple)× the account's usual month (\(usual))"
        case .aboveRunRate(nil): "nothing was booked to the account in the year before"
        }
    }
}
