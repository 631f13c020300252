@testable import Ledger
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("1234.57", 123_457), ("-10.0", -1000), ("0.1", 10), ("1e3", 100_000), ("0", 0), ("  42 ", 4200), ("+3.5", 350),
    ] as [(String, Int64)])
    func parsesExactly(text: String, minorUnits: Int64) throws {
        #expect(try Money(parsing: text, currency: .usd).minorUnits == minorUnits)
    }

    @Test func refusesHiddenPrecisionUnlessAskedToRound() throws {
        #expect(throws: MoneyParseError.tooManyDecimals("1.005", scale: 2)) { try Money(parsing: "1.005", currency: .usd) }
        #expect(try Money(parsing: "1.005", currency: .usd, rounding: true).minorUnits == 101)
        #expect(try Money(parsing: "-1.005", currency: .usd, rounding: true).minorUnits == -101)
        #expect(try Money(parsing: "1234.5700000000002", currency: .usd, rounding: true).minorUnits == 123_457)
        #expect(try Money(parsing: "0.0049", currency: .usd, rounding: true).minorUnits == 0)
    }

    @Test func rejectsNonNumbers() {
        for text in ["", "abc", "1,5", "1.2.3", "--1", "e5"] {
            #expect(throws: MoneyParseError.self) { try Money(parsing: text, currency: .usd) }
        }
        #expect(throws: MoneyParseError.self) { try Money(parsing: "99999999999999999999", currency: .usd) }
    }

    @Test func respectsTheCurrencyScale() throws {
        let yen = try Money(parsing: "1500", currency: CurrencyCode("JPY")!, scale: 0)
        #expect(yen.minorUnits == 1500 && yen.decimalText == "1500")
        let dinar = try Money(parsing: "1.234", currency: CurrencyCode("KWD")!, scale: 3)
        #expect(dinar.decimalText == "1.234")
    }

    @Test func formatsForPeople() {
        let amount = Money(minorUnits: -123_456_789, currency: .usd)
        #expect(amount.decimalText == "-1234567.89")
        #expect(amount.description == "-1,234,567.89 USD")
        #expect(Money(minorUnits: 5, currency: .eur).description == "0.05 EUR")
    }

    @Test func totalsKeepCurrenciesApart() {
        var totals = MoneyTotals()
        totals.add(Money(minorUnits: 100, currency: .usd))
        totals.add(Money(minorUnits: 250, currency: .eur))
        totals.add(Money(minorUnits: -100, currency: .usd))
        #expect(totals[.usd]?.isZero == true)
        #expect(totals[.eur]?.minorUnits == 250)
        #expect(!totals.isZero)
        #expect(totals.amounts.map(\.currency) == [.eur, .usd])
    }

    @Test func currencyCodesAreThreeLetters() {
        #expect(CurrencyCode("usd")?.description == "USD")
        #expect(CurrencyCode("US") == nil)
        #expect(CurrencyCode("US1") == nil)
    }
}
