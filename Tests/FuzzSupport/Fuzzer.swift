public import Foundation

/// A small mutation fuzzer for the parsers that read what other systems send (Odoo's wire, rule-set
/// files, webhooks, bank texts). It starts from a seed corpus of real inputs and mutates them the way
/// broken or hostile input looks: flipped bits, cut and repeated spans, markup and JSON tokens put
/// where they do not belong, other seeds spliced in. Deterministic for a seed, so any failure replays.
///
/// A run lasts `CLOSER_FUZZ_SECONDS` seconds per target when set (the long runs), else a bounded
/// smoke of `smokeIterations` inputs (the test suite and CI). The property is the caller's: a parser
/// may throw on bad input but must never trap; a crash takes the test process down and is the finding.
public struct Fuzzer {
    public var corpus: [[UInt8]]
    /// Fragments of the format, inserted to reach deeper into a parser than random bytes do.
    public var dictionary: [[UInt8]]
    public var seed: UInt64
    public var smokeIterations: Int

    public init(corpus: [[UInt8]], dictionary: [String] = [], seed: UInt64 = 0x5EED, smokeIterations: Int = 2_000) {
        precondition(!corpus.isEmpty, "a fuzzer needs at least one seed input")
        self.corpus = corpus
        self.dictionary = dictionary.map { Array($0.utf8) } + Self.hostileBytes
        self.seed = seed
        self.smokeIterations = smokeIterations
    }

    /// Bytes that break naive parsers: NUL, invalid UTF-8, a lone surrogate's encoding, a BOM.
    static let hostileBytes: [[UInt8]] = [[0], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80]]

    /// Calls `body` with each seed, then with mutated inputs until the budget is spent; returns how many ran.
    @discardableResult
    public func run(_ body: ([UInt8]) -> Void) -> Int {
        for input in corpus { body(input) }
        return corpus.count + Self.rounds(smoke: max(0, smokeIterations - corpus.count), seed: seed) { random in
            var input = corpus[random.below(corpus.count)]
            for _ in 0...random.below(4) { mutate(&input, &random) }
            body(input)
        }
    }

    /// Runs `body` with a seeded generator `smoke` times, or for CLOSER_FUZZ_SECONDS when set: for
    /// properties over generated values rather than mutated bytes.
    @discardableResult
    public static func rounds(smoke: Int, seed: UInt64 = 0x5EED, _ body: (inout SplitMix64) throws -> Void) rethrows -> Int {
        var random = SplitMix64(seed: seed)
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        var count = 0
        while deadline.map({ Date() < $0 }) ?? (count < smoke) {
            try body(&random)
            count += 1
        }
        return count
    }

    /// Seconds per target from CLOSER_FUZZ_SECONDS, nil for the smoke run.
    static var seconds: Double? {
        ProcessInfo.processInfo.environment["CLOSER_FUZZ_SECONDS"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
    }

    func mutate(_ input: inout [UInt8], _ random: inout SplitMix64) {
        let position = input.isEmpty ? 0 : random.below(input.count + 1)
        switch random.below(8) {
        case 0 where !input.isEmpty:
            let index = random.below(input.count)
            input[index] ^= UInt8(1 << random.below(8))
        case 1 where !input.isEmpty:
            input[random.below(input.count)] = UInt8(truncatingIfNeeded: random.next())
        case 2 where !input.isEmpty:
            let start = random.below(input.count)
            input.removeSubrange(start..<min(input.count, start + 1 + random.below(32)))
        case 3 where !input.isEmpty:
            let start = random.below(input.count)
            let span = input[start..<min(input.count, start + 1 + random.below(64))]
            input.insert(contentsOf: Array(repeating: Array(span), count: 1 + random.below(3)).joined(), at: position)
        case 4:
            input.insert(contentsOf: dictionary[random.below(dictionary.count)], at: position)
        case 5:
            input.removeSubrange(position..<input.count)
        case 6:
            let other = corpus[random.below(corpus.count)]
            input.insert(contentsOf: other[0..<random.below(other.count + 1)], at: position)
        default:
            let digits = Array(String(random.next() % 3 == 0 ? "9" + String(repeating: "9", count: random.below(400)) : "-0.0e-99999").utf8)
            input.insert(contentsOf: digits, at: position)
        }
    }
}

/// SplitMix64: a tiny, fast, seedable generator, so a fuzz run is the same on every machine.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
