/// The company whose books are being closed (res.company).
public struct Company: Hashable, Sendable, Codable {
    public var id: Int
    public var name: String
    public var currency: Currency
    /// Last month and day of the fiscal year (fiscalyear_last_month / fiscalyear_last_day).
    public var fiscalYearEndMonth: Int
    public var fiscalYearEndDay: Int
    public var lockDates: LockDates
    /// How the company's language writes dates as numbers (its partner's language in Odoo), nil when unknown.
    public var dateOrder: DateOrder?

    public init(id: Int, name: String, currency: Currency, fiscalYearEndMonth: Int = 12, fiscalYearEndDay: Int = 31,
                lockDates: LockDates = LockDates(), dateOrder: DateOrder? = nil) {
        self.id = id
        self.name = name
        self.currency = currency
        self.fiscalYearEndMonth = fiscalYearEndMonth
        self.fiscalYearEndDay = fiscalYearEndDay
        self.lockDates = lockDates
        self.dateOrder = dateOrder
    }
}

/// A currency as Odoo defines it (res.currency): its code and how many decimals amounts carry.
public struct Currency: Hashable, Sendable, Codable {
    public var id: Int
    public var code: CurrencyCode
    public var decimalPlaces: Int

    public init(id: Int, code: CurrencyCode, decimalPlaces: Int = 2) {
        self.id = id
        self.code = code
        self.decimalPlaces = decimalPlaces
    }

    public func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: code, scale: decimalPlaces) }
    public var zero: Money { money(0) }
}

/// The company's lock dates, as far as the Odoo version has them (nil where unset or absent).
/// Odoo 18: fiscal year, tax, sale, purchase and the irreversible hard lock; 16/17 also the period lock.
public struct LockDates: Hashable, Sendable, Codable {
    public var fiscalYear: LocalDate?
    public var tax: LocalDate?
    public var sale: LocalDate?
    public var purchase: LocalDate?
    public var hard: LocalDate?
    public var period: LocalDate?

    /// Whether the books are closed through `period`: the fiscal-year or the hard lock reaches its end.
    public func close(_ period: Period) -> Bool {
        [fiscalYear, hard].contains { $0.map { $0 >= period.end } ?? false }
    }

    /// The last day nothing may be dated on: the later of the fiscal-year and the hard lock.
    public var lockedThrough: LocalDate? { [fiscalYear, hard].compactMap { $0 }.max() }

    public init(fiscalYear: LocalDate? = nil, tax: LocalDate? = nil, sale: LocalDate? = nil,
                purchase: LocalDate? = nil, hard: LocalDate? = nil, period: LocalDate? = nil) {
        self.fiscalYear = fiscalYear
        self.tax = tax
        self.sale = sale
        self.purchase = purchase
        self.hard = hard
        self.period = period
    }
}
