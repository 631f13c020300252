/// A closing period: one calendar month, written "YYYY-MM".
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) throws {
        guard (1900...9999).contains(year), (1...12).contains(month) else {
            throw PeriodError.invalid("\(year)-\(month)")
        }
        self.year = year
        self.month = month
    }

    /// Parses "2026-10". Anything else, such as "2026-13" or "Oct 2026", is a `PeriodError`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]) else { throw PeriodError.invalid(text) }
        do { try self.init(year: year, month: month) } catch { throw PeriodError.invalid(text) }
    }

    public init(containing date: LocalDate) {
        let (year, month, _) = date.components
        self.year = year
        self.month = month
    }

    public var start: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var end: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))! }
    public var range: DateRange { DateRange(start, end) }

    public func advanced(by months: Int) -> Period { Period(containing: start.adding(months: months)) }
    public var previous: Period { advanced(by: -1) }
    public var next: Period { advanced(by: 1) }

    public func contains(_ date: LocalDate) -> Bool { date >= start && date <= end }

    public var description: String { LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) }

    public static func < (lhs: Period, rhs: Period) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

public enum PeriodError: Error, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let text): "'\(text)' is not a period: write the month as YYYY-MM, for example 2026-10."
        }
    }
}

extension Period: TextCodable {
    public init?(codingText: String) { try? self.init(parsing: codingText) }
}

/// An inclusive range of dates.
public struct DateRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let first: LocalDate
    public let last: LocalDate

    public init(_ first: LocalDate, _ last: LocalDate) {
        precondition(first <= last, "date range \(first)...\(last) is empty")
        self.first = first
        self.last = last
    }

    /// Everything dated on or after `first`.
    public static func onward(from first: LocalDate) -> DateRange { DateRange(first, latest) }

    /// The last day Odoo's date fields and Closer's dates share; a range ending there has no end.
    public static let latest = LocalDate(year: 9999, month: 12, day: 31)!

    public func contains(_ date: LocalDate) -> Bool { date >= first && date <= last }
    public var description: String { last == Self.latest ? "\(first) onward" : "\(first)..\(last)" }
}
