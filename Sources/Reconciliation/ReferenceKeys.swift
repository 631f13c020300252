/// What a document number looks like to a matcher once the bank has mangled it: "INV/2026/00042"
/// becomes the digit key "202600042" (all digit runs joined) and the sequence number 42 (the last
/// run). Bank texts are read the same way: every run and every join of neighbouring runs is a key
/// ("Payment INV 2026 00042" → 2026, 00042, 202600042), so spacing and separators do not matter.
public struct ReferenceKeys: Sendable, Hashable {
    /// Joined digit runs of each document name ("202600042").
    public var full: [String]
    /// The last digit run of each document name, as a number (42).
    public var sequence: [Int]

    public init(documentNames: [String]) {
        var full: [String] = [], sequence: [Int] = []
        for name in documentNames {
            let runs = Self.digitRuns(name)
            guard !runs.isEmpty else { continue }
            let joined = runs.joined()
            if joined.count >= 4 { full.append(joined) }
            if let last = runs.last, let number = Int(last.prefix(9)), number > 0 { sequence.append(number) }
        }
        self.full = full
        self.sequence = sequence
    }

    /// Whether two digit keys of the same length differ by one mistyped digit or two swapped neighbours
    /// (long keys only: short numbers are too easily one digit apart by chance).
    static func isNear(_ a: String, _ b: String) -> Bool {
        guard a.count == b.count, a.count >= 6, a != b else { return false }
        let x = Array(a.utf8), y = Array(b.utf8)
        let differing = x.indices.filter { x[$0] != y[$0] }
        if differing.count == 1 { return true }
        return differing.count == 2 && differing[1] == differing[0] + 1 && x[differing[0]] == y[differing[1]] && x[differing[1]] == y[differing[0]]
    }

    /// Maximal runs of ASCII digits.
    static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = [], current: [UInt8] = []
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 { current.append(byte) } else if !current.isEmpty {
                runs.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { runs.append(String(decoding: current, as: UTF8.self)) }
        return runs
    }
}

/// The keys found in a bank statement line's text.
public struct TextKeys: Sendable, Hashable {
    /// Every digit run and every join of two or three neighbouring runs.
    public var full: Set<String>
    /// Every digit run as a number.
    public var numbers: Set<Int>

    public init(_ text: String) {
        let runs = ReferenceKeys.digitRuns(text)
        var full: Set<String> = [], numbers: Set<Int> = []
        for (index, run) in runs.enumerated() {
            full.insert(run)
            if let number = Int(run.prefix(9)), number > 0 { numbers.insert(number) }
            if index + 1 < runs.count { full.insert(run + runs[index + 1]) }
            if index + 2 < runs.count { full.insert(run + runs[index + 1] + runs[index + 2]) }
        }
        self.full = full
        self.numbers = numbers
    }
}
