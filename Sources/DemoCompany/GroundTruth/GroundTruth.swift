public import Ledger
public import Foundation

/// What was planted in the demo company, so that checks, matchers and proposers can be scored.
public struct GroundTruth: Sendable, Codable {
    public var seed: UInt64
    public var period: Period
    public var asOf: LocalDate
    public var problems: [PlantedProblem]
    /// How every statement line (history and close period, reconciled or not) should be matched.
    public var bankMatches: [BankMatch]
    /// Records planted to look like a problem without being one (a vendor's number reused after its
    /// numbering restarted, a recurring bill of one amount, several bills of one order): a check that flags them is wrong.
    public var lookAlikes: [PlantedProblem]
    /// The customers given a payment habit (the others pay as chance has it, 15 days early to 20 days late).
    public var paymentHabits: [PlantedPaymentHabit]
    /// Kinds (problems or look-alikes) a small company had no room for, with why: a company with few vendors has few bills due.
    public var notPlanted: [String: String]
    /// Patterns a check rightly flags record by record that a controller reads as one thing each (a bulk import, a bank
    /// feed's weekend value dates): neither problems nor look-alikes. Triage must fold each into one finding.
    public var systemicNoise: [PlantedProblem]

    public init(seed: UInt64, period: Period, asOf: LocalDate, problems: [PlantedProblem], bankMatches: [BankMatch], lookAlikes: [PlantedProblem] = [],
                paymentHabits: [PlantedPaymentHabit] = [], notPlanted: [String: String] = [:], systemicNoise: [PlantedProblem] = []) {
        self.seed = seed
        self.period = period
        self.asOf = asOf
        self.problems = problems
        self.bankMatches = bankMatches
        self.lookAlikes = lookAlikes
        self.paymentHabits = paymentHabits
        self.notPlanted = notPlanted
        self.systemicNoise = systemicNoise
    }

    /// The kinds every generated company plants (the stable ids of the check, detector or proposer that should find them).
    public static let plantedKinds = [
        "draft-in-period", "posted-after-lock", "unbalanced-entry", "line-debit-and-credit", "missing-partner-on-receivable-payable",
        "missing-analytic", "analytic-not-100", "tax-journal-mismatch", "journal-without-entries", "unreconciled-statement-line",
        "suspense-not-zero", "sequence-gap", "sequence-duplicate", "future-dated-entry", "late-posting", "duplicate-vendor-bill",
        "unusual-amount", "rare-account-partner", "round-amount-manual-entry", "weekend-posting", "unusual-user-journal",
        "missing-recurring-bill", "prepaid-bill", "benford-deviation", "reclass", "received-not-billed", "delivered-not-invoiced",
        "other-vendor-duplicate-bill", "billed-over-received", "billed-over-ordered", "price-differs", "no-purchase-order",
        "prepaid-expensed-at-once",
    ] + treasuryKinds + expenseKinds

    /// What the payment run's pre-flight reports (Treasury's `PreflightIssue.kind`), planted on the bills it must leave out.
    public static let treasuryKinds = [
        "bank-change-cooling-off", "bank-change-unverified", "bank-change-verified-by-changer", "shared-bank-account", "employee-bank-account",
        "payment-already-made", "payment-likely-duplicate",
    ]
    /// What the expense review reports (`ExpenseFinding.Kind`, prefixed `expense-`).
    public static let expenseKinds = [
        "expense-category-limit", "expense-daily-limit", "expense-missing-receipt", "expense-near-duplicate", "expense-shared-receipt", "expense-self-approval",
    ]
    /// The look-alikes of the payment run and of the expense review: records that must not be flagged.
    public static let treasuryLookAlikeKinds = ["bank-change-verified-by-second-person", "bank-account-of-one-company", "payment-outside-duplicate-window"]
    public static let expenseLookAlikeKinds = [
        "expense-approved-by-manager", "expense-at-category-limit", "expense-at-daily-limit", "expense-receipt-below-threshold",
        "expense-same-amount-two-employees", "expense-same-amount-outside-window",
    ]

    /// The look-alikes of the prepaid costs expensed at once: bills no check or proposal may call a prepayment.
    public static let prepaidLookAlikeKinds = ["prepaid-one-off-repair", "prepaid-past-period-bill", "prepaid-billed-monthly", "prepaid-already-deferred"]

    /// The lines of plants of another kind that `checkID` may rightly flag too: a year's premium expensed at once is an unusual
    /// amount on its account as well.
    public func linesAlsoOfKind(_ checkID: String, in snapshot: LedgerSnapshot) -> Set<Int> {
        guard checkID == "unusual-amount" else { return [] }
        let bills = Set(problems(of: "prepaid-expensed-at-once").flatMap(\.records).map(\.id))
        return Set(snapshot.lines.filter { bills.contains($0.moveID) }.map(\.id))
    }

    /// The records of systemic noise `checkID` rightly flags: neither hits nor false positives of the check.
    public func noiseRecords(of checkID: String) -> [RecordRef] {
        systemicNoise.filter { $0.kind == checkID }.flatMap(\.records)
    }

    /// The look-alikes planted for these look-alike kinds.
    public func lookAlikes(of kinds: [String]) -> [PlantedProblem] { lookAlikes.filter { kinds.contains($0.kind) } }

    /// The payables controls' look-alikes (the duplicate search's and the purchase-order match's): all but the payment run's, the expense
    /// review's and the prepaid costs'.
    public var payablesLookAlikes: [PlantedProblem] {
        let others = Set(Self.treasuryLookAlikeKinds + Self.expenseLookAlikeKinds + Self.prepaidLookAlikeKinds)
        return lookAlikes.filter { !others.contains($0.kind) }
    }

    public var countsByKind: [String: Int] { problems.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 } }

    public func problems(of kind: String) -> [PlantedProblem] { problems.filter { $0.kind == kind } }

    /// Pretty, key-sorted JSON, so the file diffs cleanly between runs.
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}

/// One planted problem: a stable kind id (the check or detector expected to find it) and its records.
public struct PlantedProblem: Sendable, Codable, Hashable {
    public var kind: String
    public var records: [RecordRef]
    public var detail: String
    /// For accruals, prepaid releases and reclasses: the amount a correct proposal should have.
    public var expectedAmount: Money?
    /// For reclasses: the account the line belongs on.
    public var expectedAccountID: Int?

    public init(kind: String, records: [RecordRef], detail: String, expectedAmount: Money? = nil, expectedAccountID: Int? = nil) {
        self.kind = kind
        self.records = records
        self.detail = detail
        self.expectedAmount = expectedAmount
        self.expectedAccountID = expectedAccountID
    }
}

/// The right match for a bank statement line: the open items it settles (account.move.line ids:
/// invoice/bill payment-term lines, a payment's outstanding line, a payroll liability, the other
/// side of a transfer), the shape of the match, and any difference to write off (fee, rounding).
///
/// Shapes: "1:1", "1:N" (one deposit, several invoices), "N:1" (instalments), "fee" (bank charges
/// deducted), "rounding" (a few cents off), "fx" (EUR customer on the EUR bank), "payment" (a
/// registered vendor payment clearing), "payroll", "payroll-tax", "bank-fee", "internal-transfer".
public struct BankMatch: Sendable, Codable, Hashable {
    public var statementLineID: Int
    public var shape: String
    public var openItemLineIDs: [Int]
    /// Positive: an expense to book (fee); negative: a gain (overpayment); in the company currency.
    public var writeOff: Money?
    public var writeOffAccountID: Int?
    public var reconciledInBooks: Bool
    /// For transfers between the company's own accounts: the statement line on the other side.
    public var counterpartStatementLineID: Int?

    public init(statementLineID: Int, shape: String, openItemLineIDs: [Int], writeOff: Money? = nil, writeOffAccountID: Int? = nil,
                reconciledInBooks: Bool, counterpartStatementLineID: Int? = nil) {
        self.statementLineID = statementLineID
        self.shape = shape
        self.openItemLineIDs = openItemLineIDs
        self.writeOff = writeOff
        self.writeOffAccountID = writeOffAccountID
        self.reconciledInBooks = reconciledInBooks
        self.counterpartStatementLineID = counterpartStatementLineID
    }
}
