import Ledger

/// One reading of a label's tokens with numeric dates in one order: its dates and months ("points"), the dashes and
/// words that join two of them, whole periods named at once (a quarter, a fiscal year) and lengths ("12 months").
struct PeriodLabel {
    /// A day or a month the label names; the year may come from the other end ("Jan – Dec 2027").
    struct Point {
        var year: Int?
        var month: Int
        var day: Int?
    }

    enum Item {
        case point(Point)
        case connector
        case period(ClosedRange<Period>)
        case length(months: Int)
        case other
    }

    let billDate: LocalDate
    let fiscalYearEndMonth: Int
    private(set) var items: [Item] = []

    init(tokens: [LabelToken], order: DateOrder, billDate: LocalDate, fiscalYearEndMonth: Int) {
        self.billDate = billDate
        self.fiscalYearEndMonth = fiscalYearEndMonth
        var reader = TokenReader(tokens: tokens)
        while let token = reader.next() {
            items.append(item(token, &reader, order: order))
        }
    }

    /// Two ends joined first; else a period named at once; else a length from the one date given or the bill's month.
    func months() -> ClosedRange<Period>? {
        for index in items.indices.dropLast(2) {
            guard case .point(let start) = items[index], case .connector = items[index + 1], case .point(let end) = items[index + 2],
                  let range = Self.range(from: start, to: end) else { continue }
            return range
        }
        for case .period(let range) in items where range.lowerBound < range.upperBound { return range }
        let points = items.compactMap { if case .point(let point) = $0 { point } else { nil } }
        for case .length(let count) in items where count >= 2 && count <= 120 {
            guard points.count <= 1 else { return nil }
            let first = points.first.flatMap { Self.firstMonth($0) } ?? Period(containing: billDate)
            return first...first.advanced(by: count - 1)
        }
        return nil
    }

    // MARK: Reading tokens

    private func item(_ token: LabelToken, _ reader: inout TokenReader, order: DateOrder) -> Item {
        switch token {
        case .dash:
            return .connector
        case .numbers(let values, let digits, let separator):
            return numbers(values, digits: digits, separator: separator, order: order)
        case .number(let value, let digits):
            return number(value, digits: digits, &reader)
        case .word(let word):
            return self.word(word, &reader)
        }
    }

    private func numbers(_ values: [Int], digits: [Int], separator: Character, order: DateOrder) -> Item {
        if values.count == 3 {
            let (year, month, day) = digits[0] == 4 ? (values[0], values[1], values[2])
                : order == .monthFirst ? (fullYear(values[2], digits[2]), values[0], values[1])
                : (fullYear(values[2], digits[2]), values[1], values[0])
            return LocalDate(year: year, month: month, day: day) == nil ? .other : .point(Point(year: year, month: month, day: day))
        }
        if let first = TokenReader.splitYear(values, digits: digits, separator: separator, afterFiscalWord: false) { return splitYearPeriod(first) }
        if digits[0] == 4, digits[1] <= 2, (1...12).contains(values[1]) { return .point(Point(year: values[0], month: values[1])) }
        if digits[0] <= 2, digits[1] == 4, (1...12).contains(values[0]) { return .point(Point(year: values[1], month: values[0])) }
        return .other
    }

    private func number(_ value: Int, digits: Int, _ reader: inout TokenReader) -> Item {
        if let unit = reader.peekWord(skippingDash: true).flatMap({ PeriodWords.units[$0] }) {
            reader.skipWord(skippingDash: true)
            return .length(months: value * unit)
        }
        if (1...4).contains(value), digits == 1, let word = reader.peekWord(skippingDash: false), PeriodWords.quarterWords.contains(word) {
            reader.skipWord(skippingDash: false)
            return quarter(value, year: reader.year(twoDigits: true))
        }
        if digits <= 2, (1...31).contains(value), let month = reader.peekMonth() {
            reader.skipMonth()
            return .point(monthPoint(month, day: value, &reader))
        }
        // "2026 Q4", "2026-H2".
        if digits == 4, let letter = reader.peekWord(skippingDash: true), let index = reader.indexAfterWord(skippingDash: true) {
            if PeriodWords.quarterLetters.contains(letter), let quarter = reader.number(at: index, in: 1...4) {
                reader.skip(to: index + 1)
                return self.quarter(quarter, year: value)
            }
            if PeriodWords.halfLetters.contains(letter), let half = reader.number(at: index, in: 1...2) {
                reader.skip(to: index + 1)
                return self.half(half, year: value)
            }
        }
        return .other
    }

    private func word(_ word: String, _ reader: inout TokenReader) -> Item {
        if let month = PeriodWords.months[word] { return .point(monthPoint(month, day: nil, &reader)) }
        if PeriodWords.rangeConnectors.contains(word) { return .connector }
        if PeriodWords.quarterLetters.contains(word), let (quarter, year) = reader.indexAndYear(in: 1...4) { return self.quarter(quarter, year: year) }
        if PeriodWords.halfLetters.contains(word), let (half, year) = reader.indexAndYear(in: 1...2) { return self.half(half, year: year) }
        if PeriodWords.fiscalYearWords.contains(word) {
            reader.skipWords(["year", "jahr", "yr"])
            if let first = reader.splitYear() { return fiscalYear(endingIn: first + 1) }
            if let year = reader.year(twoDigits: true) { return fiscalYear(endingIn: year) }
            return .other
        }
        if let count = PeriodWords.counts[word], let unit = reader.peekWord(skippingDash: true).flatMap({ PeriodWords.units[$0] }) {
            reader.skipWord(skippingDash: true)
            return .length(months: count * unit)
        }
        if let months = PeriodWords.cadence(word) { return .length(months: months) }
        return .other
    }

    /// A month named in words, with the day before it (given) or after it ("Oct 1, 2026") and its year, four digits
    /// or two ("Oct-26") when that year is near the bill's.
    private func monthPoint(_ month: Int, day: Int?, _ reader: inout TokenReader) -> Point {
        var point = Point(year: nil, month: month, day: day)
        reader.skipFillers()
        guard let (value, digits) = reader.peekNumber(skippingDash: true) else { return point }
        if digits == 4 {
            reader.skipNumber(skippingDash: true)
            point.year = value
        } else if digits <= 2 {
            reader.skipNumber(skippingDash: true)
            if day == nil, (1...31).contains(value), let year = reader.year(twoDigits: false) {
                point.day = value
                point.year = year
            } else if abs(2000 + value - billDate.year) <= 5 {
                point.year = 2000 + value
            } else if day == nil, (1...31).contains(value) {
                point.day = value
            }
        }
        return point
    }

    // MARK: Periods named at once

    private func quarter(_ quarter: Int, year: Int?) -> Item {
        guard let year, let first = try? Period(year: year, month: quarter * 3 - 2) else { return .other }
        return .period(first...first.advanced(by: 2))
    }

    private func half(_ half: Int, year: Int?) -> Item {
        guard let year, let first = try? Period(year: year, month: half * 6 - 5) else { return .other }
        return .period(first...first.advanced(by: 5))
    }

    /// The fiscal year that ends in `year`, in the company's fiscal year-end month.
    private func fiscalYear(endingIn year: Int) -> Item {
        guard let last = try? Period(year: year, month: fiscalYearEndMonth) else { return .other }
        return .period(last.advanced(by: -11)...last)
    }

    /// "2026/27": the company's fiscal year across the two when it does not follow the calendar, else the twelve months
    /// from the bill's month (a policy year that starts when it is billed).
    private func splitYearPeriod(_ first: Int) -> Item {
        if fiscalYearEndMonth != 12 { return fiscalYear(endingIn: first + 1) }
        guard (first - 1...first + 1).contains(billDate.year) else { return .other }
        let start = Period(containing: billDate)
        return .period(start...start.advanced(by: 11))
    }

    private func fullYear(_ value: Int, _ digits: Int) -> Int { digits <= 2 ? 2000 + value : value }

    // MARK: Two ends

    /// The months from `start` to `end`, a year taken from the other end where one is missing; at least two months and
    /// at most five years, or nil.
    static func range(from start: Point, to end: Point) -> ClosedRange<Period>? {
        var start = start, end = end
        switch (start.year, end.year) {
        case (nil, let year?): start.year = start.month <= end.month ? year : year - 1
        case (let year?, nil): end.year = end.month >= start.month ? year : year + 1
        case (nil, nil): return nil
        default: break
        }
        guard let first = firstMonth(start), let last = lastMonth(end), first < last, first.monthsUntil(last) < 60 else { return nil }
        return first...last
    }

    /// The first month a start covers: its own when at least half of it is covered.
    static func firstMonth(_ point: Point) -> Period? {
        guard let year = point.year, let month = try? Period(year: year, month: point.month) else { return nil }
        guard let day = point.day else { return month }
        let days = LocalDate.daysIn(month: point.month, year: year)
        return (days - day + 1) * 2 >= days ? month : month.advanced(by: 1)
    }

    /// The last month an end covers: its own when at least half of it is covered.
    static func lastMonth(_ point: Point) -> Period? {
        guard let year = point.year, let month = try? Period(year: year, month: point.month) else { return nil }
        guard let day = point.day else { return month }
        return day * 2 >= LocalDate.daysIn(month: point.month, year: year) ? month : month.advanced(by: -1)
    }
}
