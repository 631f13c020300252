import DemoCompany
import Foundation
import Ledger

/// Generation time of the demo company at large sizes (median of `runs`), one line per target,
/// printed as each target finishes and returned.
///   swift run -c release closer-bench demo
enum DemoBenchmark {
    @discardableResult
    static func run(targets: [Int] = [100_000, 1_000_000], runs: Int = 3, printing: Bool = true) -> [String] {
        var report: [String] = []
        for target in targets {
            var options = DemoOptions()
            options.targetLines = target
            var times: [Double] = []
            var lines = 0
            for _ in 0..<runs {
                let start = ContinuousClock.now
                let book = DemoCompany.generate(options)
                let elapsed = ContinuousClock.now - start
                lines = book.snapshot.lines.count
                times.append(elapsed.seconds)
            }
            let median = times.sorted()[times.count / 2]
            let line = (String(format: "demo company, target %@ lines: %@ lines in %.2f s (median of %d) = %@ lines/s",
                                 target.formatted(), lines.formatted(), median, runs, Int(Double(lines) / median).formatted()))
            if printing { print(line) }
            report.append(line)
        }
        return report
    }

    /// Convenience for callers that want the figures printed as they come.
    static func run(lines targets: [Int]) -> [String] { run(targets: targets, printing: false) }
}
