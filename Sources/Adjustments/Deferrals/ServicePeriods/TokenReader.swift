/// Walks a label's tokens for `PeriodLabel`: looks ahead without moving, and moves past what a reading used.
struct TokenReader {
    let tokens: [LabelToken]
    private(set) var position = 0

    init(tokens: [LabelToken]) {
        self.tokens = tokens
    }

    mutating func next() -> LabelToken? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }

    mutating func skip(to index: Int) { position = max(position, min(index, tokens.count)) }

    /// The index of the next token, past a dash when asked ("12-month", "Oct-26").
    private func ahead(skippingDash: Bool) -> Int {
        skippingDash && position < tokens.count && tokens[position] == .dash ? position + 1 : position
    }

    func peekWord(skippingDash: Bool) -> String? {
        let index = ahead(skippingDash: skippingDash)
        guard index < tokens.count, case .word(let word) = tokens[index] else { return nil }
        return word
    }

    func indexAfterWord(skippingDash: Bool) -> Int? { peekWord(skippingDash: skippingDash) == nil ? nil : ahead(skippingDash: skippingDash) + 1 }

    mutating func skipWord(skippingDash: Bool) { position = ahead(skippingDash: skippingDash) + 1 }

    mutating func skipWords(_ words: Set<String>) {
        while let word = peekWord(skippingDash: false), words.contains(word) { position += 1 }
    }

    mutating func skipFillers() { skipWords(PeriodWords.fillers) }

    /// The month named next, past fillers and a dash ("1 de octubre", "01-Oct").
    func peekMonth() -> Int? {
        var copy = self
        copy.skipFillers()
        return copy.peekWord(skippingDash: true).flatMap { PeriodWords.months[$0] }
    }

    mutating func skipMonth() {
        skipFillers()
        skipWord(skippingDash: true)
    }

    func number(at index: Int, in range: ClosedRange<Int>) -> Int? {
        guard index < tokens.count, case .number(let value, _) = tokens[index], range.contains(value) else { return nil }
        return value
    }

    func peekNumber(skippingDash: Bool) -> (value: Int, digits: Int)? {
        let index = ahead(skippingDash: skippingDash)
        guard index < tokens.count, case .number(let value, let digits) = tokens[index] else { return nil }
        return (value, digits)
    }

    mutating func skipNumber(skippingDash: Bool) { position = ahead(skippingDash: skippingDash) + 1 }

    /// A year next (past fillers and a dash): four digits, or two when allowed ("FY27"); taken when found.
    mutating func year(twoDigits: Bool) -> Int? {
        skipFillers()
        guard let (value, digits) = peekNumber(skippingDash: true), digits == 4 || (twoDigits && digits == 2) else { return nil }
        skipNumber(skippingDash: true)
        return digits == 2 ? 2000 + value : value
    }

    /// A quarter's or half's number and its year after a letter: "Q4 2026", "Q4/2026", "Q4-26", "H2 2026"; taken when found.
    mutating func indexAndYear(in range: ClosedRange<Int>) -> (index: Int, year: Int)? {
        guard position < tokens.count else { return nil }
        if case .numbers(let values, let digits, _) = tokens[position], values.count == 2, digits[0] == 1, range.contains(values[0]), [2, 4].contains(digits[1]) {
            position += 1
            return (values[0], digits[1] == 2 ? 2000 + values[1] : values[1])
        }
        guard let index = number(at: position, in: range) else { return nil }
        var copy = self
        copy.position += 1
        guard let year = copy.year(twoDigits: true) else { return nil }
        self = copy
        return (index, year)
    }

    /// A split year next ("2026/27", "2026-2027", "26/27" after a fiscal-year word); its first year, taken when found.
    mutating func splitYear() -> Int? {
        guard position < tokens.count, case .numbers(let values, let digits, let separator) = tokens[position],
              let first = Self.splitYear(values, digits: digits, separator: separator, afterFiscalWord: true) else { return nil }
        position += 1
        return first
    }

    /// The first year of "2026/27" or "2026/2027" (or "2026-27" and "26/27" after a fiscal-year word); a reference such as
    /// "2026/0027" is not one.
    static func splitYear(_ values: [Int], digits: [Int], separator: Character, afterFiscalWord: Bool) -> Int? {
        guard values.count == 2, separator != "." else { return nil }
        if digits == [4, 4], values[1] == values[0] + 1 { return values[0] }
        if digits == [4, 2], separator == "/" || afterFiscalWord, values[1] == (values[0] + 1) % 100 { return values[0] }
        if digits == [2, 2], afterFiscalWord, values[1] == values[0] + 1 { return 2000 + values[0] }
        return nil
    }
}
