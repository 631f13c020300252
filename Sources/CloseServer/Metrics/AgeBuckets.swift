/// The aging buckets of waiting work, in whole days: each item counts in exactly one, older ones in "+Inf".
enum AgeBuckets {
    static let bounds = [0, 2, 7, 30]

    /// Items per bucket, every bucket present.
    static func counts(_ ages: [Int]) -> [(bound: String, count: Int)] {
        var counts: [(bound: String, count: Int)] = []
        var lower = 0
        for bound in bounds {
            counts.append((String(bound), ages.filter { (lower...bound).contains($0) }.count))
            lower = bound + 1
        }
        counts.append(("+Inf", ages.filter { $0 > bounds.last! }.count))
        return counts
    }
}
