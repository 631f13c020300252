import Foundation
import Testing
import Treasury

/// IBANs and BICs as people type them: spaces and lower case accepted, every way a number can be wrong said in words.
@Suite struct IBANTests {
    @Test(arguments: ["DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300",
                      "be71 0961 2345 6769", "NO93 8601 1117 947", "MT84 MALT 0110 0001 2345 MTLC AST0 01S"])
    func validNumbersAreReadInTheirElectronicForm(_ text: String) throws {
        let iban = try IBAN(text)
        #expect(iban.electronic == text.replacingOccurrences(of: " ", with: "").uppercased())
        #expect(iban.description.replacingOccurrences(of: " ", with: "") == iban.electronic && iban.description.split(separator: " ").allSatisfy { $0.count <= 4 })
    }

    @Test func everyWayANumberIsWrongIsSaid() {
        #expect(throws: IBANError.wrongChecksum("DE88 3704 0044 0532 0130 00")) { try IBAN("DE88 3704 0044 0532 0130 00") }
        // Two digits swapped: the check digits catch it.
        #expect(throws: IBANError.wrongChecksum("DE89370400440532031000")) { try IBAN("DE89370400440532031000") }
        #expect(throws: IBANError.wrongLength("DE8937040044053201300", country: "DE", expected: 22, found: 21)) { try IBAN("DE8937040044053201300") }
        #expect(throws: IBANError.unknownCountry("US", "US64SVBKUS6S3300958879")) { try IBAN("US64SVBKUS6S3300958879") }
        #expect(throws: IBANError.badCharacters("DE89-3704-0044")) { try IBAN("DE89-3704-0044") }
        #expect(throws: IBANError.empty) { try IBAN("  ") }
        #expect(IBANError.empty.description.contains("enter the IBAN on the vendor's bank account"))
        #expect(IBANError.wrongChecksum("X").description.contains("Check the number with the vendor"))
    }

    @Test func anIBANTravelsAsItsElectronicFormAndIsCheckedWhenRead() throws {
        let encoded = try JSONEncoder().encode([try IBAN("de89 3704 0044 0532 0130 00")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["DE89370400440532013000"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IBAN].self, from: Data(#"["DE88370400440532013000"]"#.utf8)) }
    }

    @Test func bicsHaveEightOrElevenCharactersInTheirPlaces() throws {
        #expect(try BIC("DEUTDEFF").countryCode == "DE")
        #expect(try BIC("deutdeff500").code == "DEUTDEFF500")
        for wrong in ["DEUTDEF", "DEUT1EFF", "DEUTDEFF50", ""] {
            #expect(throws: BICError(text: wrong)) { try BIC(wrong) }
        }
    }
}
