/// Per-currency sums: the hledger/beancount way of adding amounts that may differ in currency.
public struct MoneyTotals: Hashable, Sendable, Codable {
    public private(set) var byCurrency: [CurrencyCode: Money] = [:]

    public init() {}

    public init(_ amounts: some Sequence<Money>) {
        for amount in amounts { add(amount) }
    }

    public mutating func add(_ amount: Money) {
        byCurrency[amount.currency, default: .zero(amount.currency, scale: amount.scale)] += amount
    }

    public subscript(currency: CurrencyCode) -> Money? { byCurrency[currency] }

    public var isZero: Bool { byCurrency.values.allSatisfy(\.isZero) }

    /// Sorted by currency code, for stable reports.
    public var amounts: [Money] { byCurrency.values.sorted { $0.currency < $1.currency } }
}
