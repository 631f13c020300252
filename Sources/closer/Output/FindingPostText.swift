import CloseWorkflows
import Ledger

/// The text of `closer check --post-findings`: counts, then each post and each failure with Odoo's words.
enum FindingPostText {
    static func print(_ report: FindingPostReport) {
        // Like a clean check, nothing to post prints nothing.
        guard !(report.posted + report.alreadyPosted + report.failed + report.skipped).isEmpty else { return }
        Swift.print("\nOdoo chatter: \(report.posted.count) posted, \(report.alreadyPosted.count) already posted, "
                    + "\(report.failed.count) failed" + (report.skipped.isEmpty ? "" : ", \(report.skipped.count) without a chatter"))
        for outcome in report.posted {
            Swift.print("  posted   \(outcome.checkID) on \(place(outcome)): message \(outcome.messageID ?? 0)"
                        + (outcome.activityID.map { ", to-do \($0)" } ?? ""))
        }
        for outcome in report.failed {
            Swift.print("  FAILED   \(outcome.checkID) on \(outcome.record.map { "\($0.model) \($0.name)" } ?? "?"): \(outcome.reason ?? "")")
        }
    }

    static func place(_ outcome: FindingPostOutcome) -> String {
        let name = outcome.record?.name ?? ""
        guard let model = outcome.threadModel, let id = outcome.threadID else { return name }
        return "\(name) (\(model) \(id))"
    }
}
