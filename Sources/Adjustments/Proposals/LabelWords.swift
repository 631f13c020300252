import Ledger

/// A line label as the account-suggestion model compares it: its words without numbers, dates,
/// month names and filler words, so "Electricity and water 2026-09" and "Electricity and water
/// October" are the same label. `text` keeps the words' order (the exact label); `words` is for
/// comparing labels that share only some words.
struct LabelWords: Hashable {
    let text: String
    let words: Set<String>

    init(_ label: String) {
        let kept = TextWords.split(label, keepingDigits: false).filter { !Self.ignored.contains($0) }
        text = kept.joined(separator: " ")
        words = Set(kept)
    }

    var isEmpty: Bool { words.isEmpty }

    /// Dice's coefficient of the two word sets, 0…1.
    func similarity(to other: LabelWords) -> Double {
        guard !words.isEmpty, !other.words.isEmpty else { return 0 }
        return Double(2 * words.intersection(other.words).count) / Double(words.count + other.words.count)
    }

    /// Words that tell nothing about what was bought: fillers and the month a recurring bill is for.
    static let ignored: Set<String> = [
        "A", "AN", "AND", "AT", "BY", "FOR", "IN", "OF", "ON", "THE", "TO", "WITH",
        "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
        "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
    ]
}
