import CloseDemo
import Foundation
import Receivables

/// `closer demo`'s collections lines: the time split's Brier score beside the company prior's, the
/// worklist's precision at 10 on the planted late payers, and the calibration table.
enum DemoCollectionsText {
    static func print(_ score: CollectionsScore) {
        let split = score.evaluation
        let habits = score.plantedHabits.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        Swift.print("  collections   time split on \(split.split): learned from \(split.learnedFrom) paid invoices, scored \(split.scored) open ones "
                    + "(\(split.excluded) not known yet by \(split.dataEnd)); Brier \(String(format: "%.3f", split.brierScore)) "
                    + "(company prior alone \(String(format: "%.3f", split.priorOnlyBrierScore)))")
        Swift.print("                worklist top 10: \(DemoReportText.percent(score.precisionAtTop10)) planted late payers; planted on-time payers' invoices "
                    + "in the top 10: \(score.onTimeInTop10), top 20: \(score.onTimeInTop20) (planted: \(habits))")
        Swift.print("                calibration  predicted  paid late  invoices")
        for band in split.calibration.bands {
            let range = String(format: "%3.0f–%3.0f %%", band.lower * 100, band.upper * 100)
            Swift.print("                \(range)  \(String(format: "%7.1f %%", band.meanPredicted * 100))  \(String(format: "%7.1f %%", band.observedRate * 100))"
                        + "  \(String(format: "%8d", band.count))")
        }
    }
}
