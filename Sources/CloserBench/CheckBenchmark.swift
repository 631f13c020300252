import CloseChecks
import DemoCompany
import Foundation
import Ledger

/// Every registered check and anomaly detector over the demo company at large sizes: context build
/// plus all of them (median of `runs`), lines per second, and the process's peak RSS for that size (VmHWM, reset
/// before each size through /proc/self/clear_refs so sizes do not inherit each other's peak).
///   swift build -c release --product closer-bench && .build/release/closer-bench checks
enum CheckBenchmark {
    @discardableResult
    static func run(targets: [Int] = [100_000, 1_000_000, 2_000_000], runs: Int = 3) -> [String] {
        var report: [String] = []
        for target in targets {
            resetPeakRSS()
            var options = DemoOptions()
            options.targetLines = target
            let book = DemoCompany.generate(options)
            let truth = book.groundTruth
            var times: [Double] = [], triageTimes: [Double] = []
            var findings = 0, triaged = 0
            for _ in 0..<max(1, runs) {
                let start = ContinuousClock.now
                let context = CheckContext(snapshot: book.snapshot, period: truth.period, asOf: truth.asOf)
                let found = CheckRegistry.run(context) + AnomalyRegistry.run(context)
                let checked = ContinuousClock.now
                // What the controller reads: premises, grouping and ranking over the same findings (issue 20's ≤ 10 % bar).
                triaged = FindingTriage.apply(found, context: context, rules: TriageRules()).count
                times.append((checked - start).seconds)
                triageTimes.append((ContinuousClock.now - checked).seconds)
                findings = found.count
            }
            let median = times.sorted()[times.count / 2], triage = triageTimes.sorted()[triageTimes.count / 2]
            let lines = book.snapshot.lines.count
            let line = String(format: "%d checks and detectors, target %@ lines: %@ lines in %.3f s (median of %d) = %@ lines/s, %d findings, peak RSS %@ MB; "
                              + "triage %.3f s (+%.1f %%) to %d findings",
                              CheckRegistry.all.count + AnomalyRegistry.all.count, target.formatted(), lines.formatted(), median, runs,
                              Int(Double(lines) / median).formatted(), findings, peakRSSMegabytes().map { String($0) } ?? "?",
                              triage, triage / median * 100, triaged)
            print(line)
            report.append(line)
        }
        return report
    }

    /// VmHWM from /proc/self/status, in MB (Linux only).
    static func peakRSSMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let row = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(row.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }

    /// Writing 5 to clear_refs resets the peak RSS to the current RSS.
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
