public import Ledger

/// What is compared between two members: the seller's side against the buyer's mirror image.
public enum IntercompanyMeasure: String, Sendable, Codable, CaseIterable, Hashable {
    /// The seller's receivable from the buyer against the buyer's payable to the seller, at period end.
    case receivablePayable = "receivable-payable"
    /// The seller's revenue from the buyer against the buyer's expense from the seller.
    case revenueExpense = "revenue-expense"

    public var title: String {
        switch self {
        case .receivablePayable: "receivable vs payable"
        case .revenueExpense: "revenue vs expense"
        }
    }

    /// The balance sheet is compared at period end; the income statement for the period and the year to date.
    public var scopes: [IntercompanyScope] {
        switch self {
        case .receivablePayable: [.balance]
        case .revenueExpense: [.period, .yearToDate]
        }
    }

    /// A line's amount on the seller's side, in its natural direction (nil: the account is not compared).
    func sellerMinorUnits(_ line: JournalLine, type: AccountType) -> Int64? {
        switch self {
        case .receivablePayable: type == .receivable ? line.balance.minorUnits : nil
        case .revenueExpense: type.rawValue.hasPrefix("income") ? -line.balance.minorUnits : nil
        }
    }

    /// A line's amount on the buyer's side, in its natural direction (nil: the account is not compared).
    func buyerMinorUnits(_ line: JournalLine, type: AccountType) -> Int64? {
        switch self {
        case .receivablePayable: type == .payable ? -line.balance.minorUnits : nil
        case .revenueExpense: type.rawValue.hasPrefix("expense") ? line.balance.minorUnits : nil
        }
    }
}

/// The dates a comparison covers.
public enum IntercompanyScope: String, Sendable, Codable, CaseIterable, Hashable {
    /// Everything dated up to the period end (as far back as the stored window reaches).
    case balance = "balance-at-period-end"
    case period
    case yearToDate = "year-to-date"

    /// The dates, for a company whose fiscal year ends on the given month and day.
    public func range(of period: Period, company: Company) -> DateRange {
        switch self {
        case .balance: DateRange(LocalDate(year: 1, month: 1, day: 1)!, period.end)
        case .period: period.range
        case .yearToDate: DateRange(Self.fiscalYearStart(containing: period.end, company: company), period.end)
        }
    }

    static func fiscalYearStart(containing date: LocalDate, company: Company) -> LocalDate {
        func yearEnd(_ year: Int) -> LocalDate {
            let month = min(max(company.fiscalYearEndMonth, 1), 12)
            return LocalDate(year: year, month: month, day: min(company.fiscalYearEndDay, LocalDate.daysIn(month: month, year: year)))!
        }
        let end = yearEnd(date.year)
        return (date <= end ? yearEnd(date.year - 1) : end).adding(days: 1)
    }
}
