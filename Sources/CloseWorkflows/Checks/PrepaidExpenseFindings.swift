import Adjustments
public import CloseChecks
public import CloseSettings
import Ledger
import Foundation

/// Bills expensed at once that pay for later months, as check findings. The detector lives in Adjustments (layer 1,
/// beside CloseChecks, which may not import it), so the check run adds its findings here; `closer propose` drafts
/// the deferral of each from the same detector.
enum PrepaidExpenseFindings {
    static let title = "A prepaid cost expensed at once"
    static let explanation = """
        A vendor bill line booked straight to an expense account that pays for months after the period (an annual \
        premium, a year's rent or licence). Found from the label's service period in any of the styles accountants \
        write, the vendor's annual cadence and the company's earlier deferrals of its bills, made likelier by the \
        account's nature (insurance, rent, subscriptions, maintenance, read from its name in five languages) and an \
        amount far above the account's usual month. Each finding carries its confidence, the reason in words and the \
        schedule; `closer propose` drafts the deferral to the prepaid account.
        """
    static let ruleKeys = ["adjustments.prepaid.minimum_amount", "adjustments.prepaid.run_rate_multiple",
                           "adjustments.prepaid.default_months", "adjustments.prepaid.minimum_confidence"]

    static func findings(_ ruleSet: RuleSet, _ context: CheckContext) -> [Finding] {
        guard ruleSet.checksPrepaidExpenses else { return [] }
        let proposals = ProposalContext(snapshot: context.snapshot, period: context.period, rules: ruleSet.adjustments)
        return PrepaidExpenseDetector().candidates(in: proposals).map { candidate in
            let schedule = candidate.schedule, deferred = candidate.deferred(after: context.period)
            let bill = proposals.moveRecord(candidate.moveID)
            let target = candidate.prepaidAccountID.map(proposals.accountName) ?? "a prepaid account"
            return Finding(
                checkID: PrepaidExpenseDetector.checkID, severity: .warning, period: context.period, company: context.companyRecord,
                records: [bill],
                message: "\(bill.name) (\(proposals.partnerName(candidate.partnerID))) expensed \(schedule.total) to "
                    + "\(proposals.accountName(candidate.expenseAccountID)) at once; \(deferred) pays for months after \(context.period): "
                    + "defer it to \(target) (`closer propose` drafts it).",
                evidence: ["confidence": String(format: "%.2f", candidate.confidence), "reason": candidate.reason,
                           "schedule": "\(schedule.firstMonth) to \(schedule.lastMonth), \(schedule.months) months, \(schedule.release(in: schedule.firstMonth)) a month",
                           "deferred": deferred.description, "line": "account.move.line#\(candidate.lineID)"])
        }
    }
}
