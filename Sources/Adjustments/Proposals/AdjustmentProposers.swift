import Ledger
/// Every single-company proposer `closer propose` runs, in the order their proposals are listed.
public enum AdjustmentProposers {
    public static let all: [any AdjustmentProposer] = [
        RecurringAccrualProposer(), UnbilledOrderProposer(side: .purchase), UnbilledOrderProposer(side: .sale), DeferralReleaseProposer(),
        PrepaidDeferralProposer(), ReclassProposer(),
    ]
}
