/// How a company writes dates as numbers, from its language's date format in Odoo (`res.lang.date_format`):
/// "%d/%m/%Y" is day first, "%m/%d/%Y" month first, "%Y-%m-%d" year first. Labels like "01/10/2026" need it.
public enum DateOrder: String, Sendable, Codable, Hashable {
    case dayFirst = "day-first", monthFirst = "month-first", yearFirst = "year-first"

    /// The order of a strftime-style format's day and month ("%d.%m.%Y", "%m/%d/%Y"), nil when it names neither.
    public init?(strftime format: String) {
        guard let day = format.firstRange(of: "%d")?.lowerBound ?? format.firstRange(of: "%e")?.lowerBound,
              let month = format.firstRange(of: "%m")?.lowerBound ?? format.firstRange(of: "%b")?.lowerBound else { return nil }
        if let year = format.firstRange(of: "%Y")?.lowerBound ?? format.firstRange(of: "%y")?.lowerBound, year < day, year < month {
            self = .yearFirst
        } else {
            self = day < month ? .dayFirst : .monthFirst
        }
    }
}
