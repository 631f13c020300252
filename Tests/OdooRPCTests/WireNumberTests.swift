@testable import OdooRPC
import Testing

@Suite struct WireNumberTests {
    @Test(arguments: [
        ("1234.57", "1234.57"), ("-10.0", "-10.0"), ("1e-05", "1e-05"), ("0", "0.0"), ("10", "10.0"),
        ("0.0001", "0.0001"), ("1e16", "1e+16"), ("1000000000000000.0", "1000000000000000.0"),
        ("1234.5700000000002", "1234.5700000000002"), ("-0.5", "-0.5"), ("2.5E+3", "2500.0"), ("1.5e-07", "1.5e-07"),
    ])
    func textMatchesPythonRepr(input: String, repr: String) throws {
        let number = try #require(WireNumber(text: input))
        #expect(number.text == repr)
    }

    @Test(arguments: ["", "-", ".", "1.2.3", "1e", "abc", "1 ", "--1", "1e+"])
    func rejectsNonNumbers(input: String) {
        #expect(WireNumber(text: input) == nil)
    }

    @Test func minorUnitsRoundHalfAwayFromZero() throws {
        func units(_ text: String, _ scale: Int = 2) throws -> Int64 { try #require(WireNumber(text: text)).minorUnits(scale: scale) }
        #expect(try units("1234.57") == 123_457)
        #expect(try units("1234.5700000000002") == 123_457)
        #expect(try units("0.125") == 13)
        #expect(try units("-0.125") == -13)
        #expect(try units("0.124999") == 12)
        #expect(try units("10") == 1000)
        #expect(try units("1e-05") == 0)
        #expect(try units("999999.0") == 99_999_900)
        #expect(try units("1.5", 0) == 2)
        #expect(try units("-2.5", 0) == -3)
    }

    @Test func keepsLeadingEighteenDigitsAndRounds() throws {
        let long = try #require(WireNumber(text: "123456789012345678951"))
        #expect(long.mantissa == 123_456_789_012_345_679)
        #expect(long.exponent == 3)
        let fraction = try #require(WireNumber(text: "0.1234567890123456789"))
        #expect(fraction.minorUnits(scale: 18) == 123_456_789_012_345_679)
    }

    @Test func equalValuesAreEqual() throws {
        #expect(WireNumber(text: "10.0") == WireNumber(text: "10"))
        #expect(WireNumber(minorUnits: 1000, scale: 2) == WireNumber(text: "10.00"))
        #expect(WireNumber(minorUnits: 123_456, scale: 2).text == "1234.56")
        #expect(try #require(WireNumber(text: "0.25")).doubleValue == 0.25)
    }
}
