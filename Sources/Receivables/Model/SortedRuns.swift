/// Ascending runs of days, one run per customer, in one flat array free of references: ranking a million
/// invoices looks up each customer's run by range rather than through a dictionary of arrays.
struct SortedRuns: Sendable {
    private(set) var values: [Int] = []

    /// Appends a run (already ascending) and returns where it lies.
    mutating func append(_ run: some Collection<Int>) -> Range<Int> {
        let start = values.count
        values.append(contentsOf: run)
        return start..<values.count
    }

    /// The first position in `run` whose value is more than `days` (`run.upperBound` when none is).
    func firstAbove(_ days: Int, in run: Range<Int>) -> Int {
        var low = run.lowerBound, high = run.upperBound
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= days { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// How many values of `run` are more than `days`.
    func countAbove(_ days: Int, in run: Range<Int>) -> Int { run.upperBound - firstAbove(days, in: run) }

    subscript(position: Int) -> Int { values[position] }
}
