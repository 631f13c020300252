/// A vendor's invoice number reduced to what survives retyping: letters and digits only, upper case,
/// the characters people and OCR confuse folded together (O and 0; I, l and 1), and leading zeros of
/// each number dropped — so "INV-0012", "inv 12" and "1NV/O012" are one reference.
public enum BillReference {
    public static func normalised(_ reference: String) -> String {
        var result = ""
        var number = ""
        func endNumber() {
            let significant = number.drop { $0 == "0" }
            result += number.isEmpty ? "" : significant.isEmpty ? "0" : String(significant)
            number = ""
        }
        for character in reference.uppercased() {
            let folded: Character = switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
            if folded.isNumber {
                number.append(folded)
            } else {
                endNumber()   // a separator or a letter ends a number: "2026/001" is 2026 and 1
                if folded.isLetter { result.append(folded) }
            }
        }
        endNumber()
        return result
    }

    /// Letters and digits only, upper case: case, spaces and punctuation do not tell references apart.
    public static func alphanumerics(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Whether a reference says enough to tie two vendors' bills together: at least four characters
    /// once normalised, and a digit as typed, so "12" or "Invoice" never do.
    public static func isDistinctive(_ reference: String) -> Bool {
        normalised(reference).count >= 4 && reference.contains(where: \.isNumber)
    }
}
