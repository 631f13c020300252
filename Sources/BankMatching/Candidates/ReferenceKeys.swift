/// What a document number looks like to a matcher once the bank has mangled it: "INV/2026/00042"
/// becomes the digit key 202600042 (all digit runs joined) and the sequence number 42 (the last
/// run). Bank texts are read the same way: every run and every join of neighbouring runs is a key
/// ("Payment INV 2026 00042" → 2026, 00042, 202600042), so spacing and separators do not matter.
public struct ReferenceKeys: Sendable, Hashable {
    /// Joined digit runs of each document name (202600042).
    public var full: [DigitKey]
    /// The last digit run of each document name, as a number (42).
    public var sequence: [Int]

    public init(documentNames: [String]) {
        var full: [DigitKey] = [], sequence: [Int] = []
        for name in documentNames {
            let keys = DocumentKeys(name)
            if let key = keys.full { full.append(key) }
            if let number = keys.sequence { sequence.append(number) }
        }
        self.full = full
        self.sequence = sequence
    }
}

/// The keys of one document name, read in one pass without building arrays: millions of open items
/// are read while indexing, and every candidate's items again while scoring.
struct DocumentKeys: Equatable {
    /// All digit runs joined (their last 19 digits), when at least four digits.
    var full: DigitKey?
    /// The last digit run as a number, when at most nine digits and not zero.
    var sequence: Int?

    static let none = DocumentKeys(full: nil, sequence: nil)

    init(full: DigitKey?, sequence: Int?) {
        self.full = full
        self.sequence = sequence
    }

    init(_ name: String) {
        // Joining the runs keeps the last 19 digits of them all: the same as reading every digit in turn.
        var joined = DigitKey(value: 0, length: 0), last = joined
        var inRun = false
        for byte in name.utf8 {
            guard byte >= 48 && byte <= 57 else { inRun = false; continue }
            if !inRun { last = DigitKey(value: 0, length: 0); inRun = true }
            joined.append(digit: byte - 48)
            last.append(digit: byte - 48)
        }
        full = joined.length >= 4 ? joined : nil
        sequence = last.length > 0 && last.length <= 9 && last.value > 0 ? Int(last.value) : nil
    }
}

/// A run of decimal digits kept as a number and its length, so "00042" and "42" differ and keys
/// hash and compare without building strings (a line's keys are looked up millions of times).
public struct DigitKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: UInt64
    public var length: Int

    /// Shorter keys first, then by value: an order for sorted indexes, not a numeric one.
    public static func < (lhs: DigitKey, rhs: DigitKey) -> Bool {
        lhs.length != rhs.length ? lhs.length < rhs.length : lhs.value < rhs.value
    }

    /// At most 19 digits fit; longer runs keep their last 19 (the distinguishing end of a number).
    static let maxLength = 19

    public init?(_ text: String) {
        let runs = Self.runs(in: text)
        guard runs.count == 1, runs[0].length == text.utf8.count else { return nil }
        self = runs[0]
    }

    init(value: UInt64, length: Int) {
        self.value = value
        self.length = length
    }

    public var description: String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, length - digits.count)) + digits
    }

    static func power(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result &*= 10 }
        return result
    }

    /// This key followed by `other`'s digits (keeping the last 19).
    func appending(_ other: DigitKey) -> DigitKey {
        let length = min(Self.maxLength, self.length + other.length)
        let keep = length - other.length
        let head = keep > 0 ? value % Self.power(keep) : 0
        return DigitKey(value: head &* Self.power(other.length) &+ other.value, length: length)
    }

    func digit(_ index: Int) -> UInt64 { (value / Self.power(length - 1 - index)) % 10 }

    /// Whether two keys of the same length differ by one mistyped digit or two swapped neighbours
    /// (long keys only: short numbers are too easily one digit apart by chance).
    public static func isNear(_ a: DigitKey, _ b: DigitKey) -> Bool {
        guard a.length == b.length, a.length >= 6, a != b else { return false }
        var differing: [Int] = []
        for index in 0..<a.length where a.digit(index) != b.digit(index) {
            differing.append(index)
            if differing.count > 2 { return false }
        }
        if differing.count == 1 { return true }
        return differing[1] == differing[0] + 1 && a.digit(differing[0]) == b.digit(differing[1]) && a.digit(differing[1]) == b.digit(differing[0])
    }

    /// This key with one more digit at the end (keeping the last 19).
    mutating func append(digit: UInt8) {
        value = (length >= Self.maxLength ? value % Self.power(Self.maxLength - 1) : value) &* 10 &+ UInt64(digit)
        length = min(Self.maxLength, length + 1)
    }

    /// Maximal runs of ASCII digits.
    static func runs(in text: String) -> [DigitKey] {
        var runs: [DigitKey] = []
        var run = DigitKey(value: 0, length: 0)
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                run.append(digit: byte - 48)
            } else if run.length > 0 {
                runs.append(run)
                run = DigitKey(value: 0, length: 0)
            }
        }
        if run.length > 0 { runs.append(run) }
        return runs
    }
}

/// The keys found in a bank statement line's text.
public struct TextKeys: Sendable, Hashable {
    /// Every digit run and every join of two or three neighbouring runs.
    public var full: Set<DigitKey>
    /// Every digit run of at most nine digits as a number.
    public var numbers: Set<Int>

    public init(_ text: String) {
        let runs = DigitKey.runs(in: text)
        var full: Set<DigitKey> = [], numbers: Set<Int> = []
        for (index, run) in runs.enumerated() {
            full.insert(run)
            if run.length <= 9 && run.value > 0 { numbers.insert(Int(run.value)) }
            if index + 1 < runs.count {
                let two = run.appending(runs[index + 1])
                full.insert(two)
                if index + 2 < runs.count { full.insert(two.appending(runs[index + 2])) }
            }
        }
        self.full = full
        self.numbers = numbers
    }
}
