import Ledger

/// How alike the counterpart name a bank reports is to a partner's name, 0…1: the share of name
/// words found on both sides (Dice), where a word also matches its abbreviation of four or more
/// letters ("INTL" in "INTERNATIONAL" does not count, "NORTH" in "NORTHWIND" does), ignoring legal forms.
public enum NameSimilarity {
    static let legalForms: Set<String> = ["LTD", "LIMITED", "INC", "LLC", "GMBH", "AG", "SA", "SAS", "SARL", "BV", "NV", "PLC", "CO",
                                          "CORP", "CORPORATION", "COMPANY", "THE", "AND", "OF"]

    public static func words(_ text: String) -> [String] {
        TextWords.split(text, keepingDigits: true).filter { !legalForms.contains($0) }
    }

    public static func score(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var used = [Bool](repeating: false, count: b.count)
        var common = 0
        for word in a {
            if let index = b.indices.first(where: { !used[$0] && matches(word, b[$0]) }) {
                used[index] = true
                common += 1
            }
        }
        return Double(2 * common) / Double(a.count + b.count)
    }

    /// Words are upper-case ASCII (see `words`), so bytes compare as characters do, without Unicode's slower path.
    static func matches(_ x: String, _ y: String) -> Bool {
        x == y || (min(x.utf8.count, y.utf8.count) >= 4 && (x.utf8.starts(with: y.utf8) || y.utf8.starts(with: x.utf8)))
    }
}
