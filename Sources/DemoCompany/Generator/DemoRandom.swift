import Foundation

/// SplitMix64: tiny, fast, and the same sequence on every platform for a given seed, which is
/// what a reproducible demo company (and the benchmarks' synthetic ledgers) need; SystemRandomNumberGenerator is neither.
public struct DemoRandom {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with the given probability in percent.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Fisher–Yates, from this stream.
    mutating func shuffle<T>(_ items: inout [T]) {
        for index in items.indices.dropLast() { items.swapAt(index, int(index...(items.count - 1))) }
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Minor units spread evenly on a log scale between the bounds, so that first digits follow
    /// Benford's law as real invoice amounts do.
    mutating func logUniform(_ range: ClosedRange<Int64>) -> Int64 {
        let ratio = Double(range.upperBound) / Double(range.lowerBound)
        return Int64((Double(range.lowerBound) * pow(ratio, unit())).rounded())
    }
}
