/// ISO 7064 mod 97-10, the check IBANs carry (ISO 13616): Treasury checks numbers with it, and the demo company
/// makes valid ones with it. Expects letters and digits only; checking that is the caller's part.
public enum IBANChecksum {
    /// The number with its first four characters moved to the end and letters read as 10…35, modulo 97: 1 for a valid IBAN.
    public static func remainder(_ compact: String) -> Int {
        var remainder = 0
        for character in compact.dropFirst(4) + compact.prefix(4) {
            let value = Int(String(character), radix: 36)!
            remainder = (value >= 10 ? remainder * 100 : remainder * 10) + value
            remainder %= 97
        }
        return remainder
    }

    /// The IBAN of a domestic account number (BBAN) in a country: "DE" and "370400440532013000" give "DE89370400440532013000".
    public static func iban(country: String, bban: String) -> String {
        let check = 98 - remainder(country + "00" + bban)
        return country + (check < 10 ? "0" : "") + String(check) + bban
    }
}
