import Ledger
/// Every deterministic check, in one list. Ids are stable: reports, ground truth and approvals name them.
public enum CheckRegistry {
    public static let all: [Check] = [
        Check.draftInPeriod,
        Check.postedAfterLock,
        Check.unbalancedEntry,
        Check.lineDebitAndCredit,
        Check.missingPartnerOnReceivablePayable,
        Check.missingAnalytic,
        Check.analyticNot100,
        Check.taxJournalMismatch,
        Check.missingTaxOnIncome,
        Check.journalWithoutEntries,
        Check.unreconciledStatementLine,
        Check.suspenseNotZero,
        Check.clearingNotZero,
        Check.sequenceGap,
        Check.sequenceDuplicate,
        Check.futureDatedEntry,
        Check.latePosting,
        Check.bankBalanceMismatch,
        Check.subledgerControlMismatch,
        Check.postedEntryChanged,
    ]

    public static func check(id: String) -> Check? { all.first { $0.id == id } }

    /// Runs every check; findings sorted by severity, check id, then first record id.
    public static func run(_ context: CheckContext) -> [Finding] {
        run(all, context)
    }

    public static func run(_ checks: [Check], _ context: CheckContext) -> [Finding] {
        checks.flatMap { $0.run(context) }.sorted {
            ($0.severity.rank, $0.checkID, $0.records.first?.id ?? 0, $0.message)
                < ($1.severity.rank, $1.checkID, $1.records.first?.id ?? 0, $1.message)
        }
    }
}
