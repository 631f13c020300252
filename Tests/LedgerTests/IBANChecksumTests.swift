import Ledger
import Testing

@Suite struct IBANChecksumTests {
    /// The registry's own examples come out with their check digits, and a swapped pair of digits breaks the checksum.
    @Test func checkDigitsAreTheRegistrysAndCatchASwap() {
        #expect(IBANChecksum.iban(country: "DE", bban: "370400440532013000") == "DE89370400440532013000")
        #expect(IBANChecksum.iban(country: "GB", bban: "NWBK60161331926819") == "GB29NWBK60161331926819")
        #expect(IBANChecksum.iban(country: "NL", bban: "ABNA0417164300") == "NL91ABNA0417164300")
        #expect(IBANChecksum.remainder("DE89370400440532013000") == 1)
        #expect(IBANChecksum.remainder("DE89370400440523013000") != 1)
    }
}
