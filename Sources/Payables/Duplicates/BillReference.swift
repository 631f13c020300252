import Foundation

/// A vendor's invoice number reduced to what survives retyping: letters and digits only, upper case,
/// the characters people and OCR confuse folded together (O and 0; I, l and 1), full-width and other
/// compatibility forms read as their plain letters and digits, and leading zeros of each number
/// dropped — so "INV-0012", "inv 12", "1NV/O012" and "ＩＮＶ－１２" are one reference.
public enum BillReference {
    public static func normalised(_ reference: String) -> String {
        fold(reference, separatorsEndNumbers: true)
    }

    /// The reference with the separators between its numbers dropped as well, so "2026-0012" and
    /// "20260012" meet; `normalised` keeps them apart because it drops each number's zeros
    /// ("2026-0012" is 2026 and 12). One retyping or the other, not both: no single key can be
    /// blind to separators and to every number's zeros without merging "2026-1" with "2026001".
    public static func joined(_ reference: String) -> String {
        fold(reference, separatorsEndNumbers: false)
    }

    /// The keys a retyped copy of this reference shares with it: the normalised and the joined form.
    public static func keys(_ reference: String) -> Set<String> {
        Set([normalised(reference), joined(reference)].filter { !$0.isEmpty })
    }

    private static func fold(_ reference: String, separatorsEndNumbers: Bool) -> String {
        var result = ""
        var number = ""
        func endNumber() {
            let significant = number.drop { $0 == "0" }
            result += number.isEmpty ? "" : significant.isEmpty ? "0" : String(significant)
            number = ""
        }
        // Compatibility forms (full-width, circled, ligatures) mapped only when there are any: most references are ASCII.
        let plain = reference.utf8.allSatisfy { $0 < 0x80 } ? reference : reference.precomposedStringWithCompatibilityMapping
        for character in plain.uppercased() {
            let folded: Character = switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
            if folded.isNumber {
                number.append(folded)
            } else if folded.isLetter {
                endNumber()   // a letter always ends a number: "A12B3" is A, 12, B and 3
                result.append(folded)
            } else if separatorsEndNumbers {
                endNumber()   // "2026/001" is 2026 and 1
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
