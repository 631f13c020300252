import Ledger

/// Reads the months a bill covers from its label, as accountants write them: "2026-10 to 2027-09",
/// "2026-10-01 - 2027-09-30", "Oct 2026 – Sep 2027", "October 2026 to September 2027", or "12 months"
/// (from the bill's date). Returns the first and last month covered.
enum ServicePeriodReader {
    static func months(in label: String, billDate: LocalDate) -> ClosedRange<Period>? {
        let words = label.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
        let tokens = words.flatMap { word -> [String] in
            // "2026-10-01" and "2026-10" stay whole; "oct-2026" or "2026–2027" style dashes split.
            LocalDate(iso: word) != nil || isoMonth(word) != nil ? [word] : word.split(separator: "-").map(String.init)
        }
        var found: [Period] = []
        var index = 0
        while index < tokens.count {
            if let date = LocalDate(iso: tokens[index]) { found.append(Period(containing: date)) }
            else if let month = isoMonth(tokens[index]) { found.append(month) }
            else if let name = monthNumber(tokens[index]), index + 1 < tokens.count, let year = Int(tokens[index + 1]), (1900...2999).contains(year),
                    let month = try? Period(year: year, month: name) {
                found.append(month)
                index += 1
            } else if let count = Int(tokens[index]), (1...120).contains(count), index + 1 < tokens.count,
                      tokens[index + 1].hasPrefix("month") {
                let start = Period(containing: billDate)
                return start...start.advanced(by: count - 1)
            }
            index += 1
        }
        guard found.count >= 2, found[0] < found[1] else { return nil }
        return found[0]...found[1]
    }

    private static func isoMonth(_ word: String) -> Period? {
        let parts = word.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return try? Period(year: year, month: month)
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return monthNames.firstIndex { word.hasPrefix($0) && ($0 == word || String(word.prefix(3)) == $0) }.map { $0 + 1 }
    }
}
