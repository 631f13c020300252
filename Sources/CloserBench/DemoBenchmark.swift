import DemoCompany
import Foundation

/// Generation time of the demo company at large sizes (median of `runs`).
enum DemoBenchmark {
    static func run(targets: [Int] = [100_000, 1_000_000], runs: Int = 3) {
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
                times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            let median = times.sorted()[times.count / 2]
            print(String(format: "demo company, target %@ lines: %@ lines in %.2f s (median of %d) = %@ lines/s",
                         target.formatted(), lines.formatted(), median, runs, Int(Double(lines) / median).formatted()))
        }
    }
}
