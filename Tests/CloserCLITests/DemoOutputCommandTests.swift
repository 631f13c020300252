import Foundation
import PostgresSupport
import Testing

/// The demo's summary adds up for a reader: it once said "121/121 planted problems found" and then
/// "128 planted close problems" without saying where the other seven went.
@Suite struct DemoOutputCommandTests {
    @Test func theGroundTruthLineAccountsForEveryPlantedProblem() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = try await CloserBinary.run(["demo", "--lines", "3000", "--store", TestStore.location("demo", in: directory)], in: directory)
        #expect(demo.status == 0, "\(demo.all)")
        let lines = demo.stdout.components(separatedBy: "\n")
        let scored = try #require(lines.first { $0.hasPrefix("  vs. planted") })
        let truth = try #require(lines.first { $0.hasPrefix("  ground truth") })
        let numbers = { (line: String) in line.split { !$0.isNumber }.compactMap { Int($0) } }
        // "vs. planted   121/121 planted records found by 23 checks, 0 false positives[; 2 planted outside the pulled window]"
        let found = numbers(scored)
        #expect(scored.contains("\(found[0])/\(found[1]) planted records found"), "\(scored)")
        let records = found[1] + (found.count > 4 ? found[4] : 0)
        // "ground truth  149 planted close problems of 45 kinds: 119 for the checks (naming the 124 records above), 11 for the adjusting entries only,
        // 6 for the payables controls only, 7 for the payment run only, 6 for the expense review only → …"
        let counts = numbers(truth)
        #expect(counts.count >= 8 && counts[0] == counts[2] + counts[4] + counts[5] + counts[6] + counts[7] && counts[3] == records, "\(truth)")
        #expect(truth.contains("for the checks") && truth.contains("for the adjusting entries") && truth.contains("for the payment run")
                && truth.contains("for the expense review"), "\(truth)")
        // The payment run and the expense review: every planted problem found, nothing else flagged, no look-alike.
        for prefix in ["  payment run", "  expenses"] {
            let line = try #require(lines.first { $0.hasPrefix(prefix) })
            #expect(line.contains("; 0 not planted, 0 of ") && !line.contains(" 0/1"), "\(line)")
        }
    }
}
