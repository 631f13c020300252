import Ledger

/// Reads the months a bill covers from its label, as accountants write them in the languages Odoo ships accounting
/// for first: two ends joined by a dash or a word ("2026-10 to 2027-09", "01/10/2026 - 30/09/2027",
/// "10/01/2026–09/30/2027", "01.10.2026 bis 30.09.2027", "1er octobre 2026 au 30 septembre 2027", "Oct-26 to Sep-27",
/// "Jan–Dec 2027"), a quarter or half year ("Q4 2026", "4. Quartal 2026", "H2 2026"), a fiscal year ("FY2027",
/// "GJ 2026/27", ending in the company's fiscal year-end month), a split year ("Policy 2026/27"), or a length from the
/// bill's month ("12 months", "2 Jahre", "annual subscription", "Jahreslizenz"). Returns the first and last month
/// covered, or nil when the label says no period of two months or more — a refusal, never a guess.
///
/// Numeric dates are read day first or month first by what the label itself proves (a 30 cannot be a month), then by
/// the company's date format in Odoo, then by the reading that starts nearest the bill's date. A day-exact end covers
/// a month when it covers at least half of it, so "15/10/2026 - 14/10/2027" is twelve months.
enum ServicePeriodReader {
    static func months(in label: String, billDate: LocalDate, dateOrder: DateOrder? = nil, fiscalYearEndMonth: Int = 12) -> ClosedRange<Period>? {
        let tokens = LabelToken.scan(label)
        let readings = orders(tokens, hint: dateOrder).compactMap { order in
            PeriodLabel(tokens: tokens, order: order, billDate: billDate, fiscalYearEndMonth: fiscalYearEndMonth).months()
        }
        let billMonth = Period(containing: billDate)
        return readings.min { abs(billMonth.monthsUntil($0.lowerBound)) < abs(billMonth.monthsUntil($1.lowerBound)) }
    }

    /// The orders the label's numeric dates may be read in, the likeliest first: what its own numbers allow (a day
    /// above 12, dots as the Germans write), then the company's format; both when nothing decides.
    static func orders(_ tokens: [LabelToken], hint: DateOrder?) -> [DateOrder] {
        let dates = tokens.compactMap { token -> (values: [Int], dotted: Bool)? in
            guard case .numbers(let values, let digits, let separator) = token, values.count == 3, digits[0] <= 2 else { return nil }
            return (values, separator == ".")
        }
        let dayFirst = dates.allSatisfy { $0.values[1] <= 12 && $0.values[0] <= 31 }
        let monthFirst = dates.allSatisfy { !$0.dotted && $0.values[0] <= 12 && $0.values[1] <= 31 }
        switch (dayFirst, monthFirst) {
        case (true, true): return hint == .monthFirst ? [.monthFirst] : hint == .dayFirst || dates.isEmpty ? [.dayFirst] : [.dayFirst, .monthFirst]
        case (true, false): return [.dayFirst]
        case (false, true): return [.monthFirst]
        case (false, false): return []
        }
    }
}
