public import Foundation
public import Ledger

/// The collection measures of one month, for the company or for one customer.
///
/// - DSO, by the standard method: closing receivables ÷ the month's credit sales × the month's days. One
///   month's own figures, so each month's DSO can be checked by hand and months compare; nil without sales.
/// - ADD (average days delinquent): the days past due of what is owed at the month's end, weighted by
///   amount, what is not yet due counting 0 — defined whenever something is owed, sales or not.
/// - CEI: (opening receivables + credit sales − closing receivables) ÷ (opening receivables + credit sales
///   − closing current receivables) × 100; nil when the denominator is zero.
/// - Aging at the month's end. For the running month "the end" is the day measured.
public struct ReceivablesMeasure: Sendable, Codable, Hashable {
    public var period: Period
    /// The last day measured: the month's end, or the day asked for in the running month.
    public var asOf: LocalDate
    public var openingReceivables: Money
    /// Customer invoices dated in the month less credit notes dated in it.
    public var creditSales: Money
    public var closingReceivables: Money
    /// What was owed at the end and not yet due.
    public var closingCurrent: Money
    public var dsoDays: Decimal?
    public var averageDaysDelinquent: Decimal?
    public var collectionEffectivenessPercent: Decimal?
    public var aging: AgingBuckets

    /// The month's figures from its amounts; `pastDueWeight` is Σ (amount owed × days past due) at the end.
    init(period: Period, asOf: LocalDate, opening: Int64, sales: Int64, aging: AgingBuckets, pastDueWeight: Int64) {
        let closing = aging.buckets.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let money = { Money(minorUnits: $0, currency: aging.current.currency, scale: aging.current.scale) }
        self.period = period
        self.asOf = asOf
        openingReceivables = money(opening)
        creditSales = money(sales)
        closingReceivables = money(closing)
        closingCurrent = aging.current
        let days = Int64(period.start.days(until: asOf) + 1)
        dsoDays = sales > 0 ? Self.tenths(closing * days, over: sales) : nil
        averageDaysDelinquent = closing > 0 ? Self.tenths(pastDueWeight, over: closing) : nil
        let collectible = opening + sales - aging.current.minorUnits
        collectionEffectivenessPercent = collectible != 0 ? Self.tenths((opening + sales - closing) * 100, over: collectible) : nil
        self.aging = aging
    }

    /// `numerator ÷ denominator` to a tenth, half away from zero: exact decimal arithmetic, no floating point.
    static func tenths(_ numerator: Int64, over denominator: Int64) -> Decimal {
        var quotient = Decimal(numerator) / Decimal(denominator), rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 1, .plain)
        return rounded
    }
}
