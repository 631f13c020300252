import Foundation

/// One piece of a bill line's label as the service-period reader sees it: lower case, accents folded, runs of digits
/// joined by the separators dates use kept together ("01.10.2026", "2026/27", "10/2026").
enum LabelToken: Hashable {
    /// A word of letters ("october", "fy", "t/m" read as "tm").
    case word(String)
    /// Digits, with the count of digits as written ("01" has two) and whether an ordinal mark followed ("1er", "1.", "1st").
    case number(Int, digits: Int)
    /// Two or three numbers joined by one separator (".", "/" or "-"): a date, a month and year, a split year.
    case numbers([Int], digits: [Int], separator: Character)
    /// A dash, a tilde or an arrow: "from … to …" without words.
    case dash

    /// Reads `label` into tokens; what is neither letters, digits nor a dash (spaces, commas, brackets) only separates.
    static func scan(_ label: String) -> [LabelToken] {
        let text = Array(label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .map { "–—−~→".contains($0) ? "-" : $0 })
        var tokens: [LabelToken] = [], index = 0
        while index < text.count {
            let character = text[index]
            if character.isNumber, character.isASCII {
                index = scanNumbers(text, from: index, into: &tokens)
            } else if character.isLetter {
                var end = index
                while end < text.count, text[end].isLetter { end += 1 }
                var word = String(text[index..<end])
                // Dutch "t/m" (tot en met, "up to and including").
                if word == "t", end + 1 < text.count, text[end] == "/", text[end + 1] == "m" {
                    word = "tm"
                    end += 2
                }
                tokens.append(.word(word))
                index = end
            } else {
                if character == "-" { tokens.append(.dash) }
                index += 1
            }
        }
        return tokens
    }

    /// Digits and the separators between them; a trailing separator is a dash (a range) or an ordinal's dot.
    private static func scanNumbers(_ text: [Character], from start: Int, into tokens: inout [LabelToken]) -> Int {
        var groups: [String] = [""], separators: [Character] = [], index = start
        while index < text.count {
            let character = text[index]
            if character.isASCII, character.isNumber {
                groups[groups.count - 1].append(character)
            } else if "./-".contains(character), index + 1 < text.count, text[index + 1].isASCII, text[index + 1].isNumber, !groups[groups.count - 1].isEmpty {
                separators.append(character)
                groups.append("")
            } else {
                break
            }
            index += 1
        }
        // Ordinals: "1er", "1st", "2nd", "3rd", "4th", "4e", "1." before a word.
        if groups.count == 1 {
            for suffix in ["st", "nd", "rd", "th", "er", "eme", "e"] where matches(text, at: index, suffix) {
                index += suffix.count
                break
            }
            if index < text.count, text[index] == "." { index += 1 }
        }
        tokens += split(groups: groups.map { Int($0) ?? 0 }, digits: groups.map(\.count), separators: separators)
        return index
    }

    private static func matches(_ text: [Character], at index: Int, _ suffix: String) -> Bool {
        let end = index + suffix.count
        guard end <= text.count, String(text[index..<end]) == suffix else { return false }
        return end == text.count || !text[end].isLetter
    }

    /// "01/10/2026-30/09/2027" is two dates and a dash; "2026-10-01" one date; "12" one number.
    private static func split(groups: [Int], digits: [Int], separators: [Character]) -> [LabelToken] {
        func joined(_ range: Range<Int>) -> LabelToken {
            range.count == 1 ? .number(groups[range.lowerBound], digits: digits[range.lowerBound])
                : .numbers(Array(groups[range]), digits: Array(digits[range]), separator: separators[range.lowerBound])
        }
        let uniform = Set(separators).count <= 1
        switch groups.count {
        case 1...3 where uniform:
            return [joined(0..<groups.count)]
        case 4 where separators[1] == "-", 6 where separators[2] == "-":
            let half = groups.count / 2
            return [joined(0..<half), .dash, joined(half..<groups.count)]
        default:
            // A reference ("2026-10-0045-7"): numbers, nothing more.
            return zip(groups, digits).map { .number($0, digits: $1) }
        }
    }
}
