import CloseChecks
public import CloseStore
public import CloseWorkflows
public import DemoCompany
public import Ledger
import Foundation
import BankMatching
import CloseSettings
import Payables
import Receivables
import Treasury
import Expenses

/// `closer demo`: the main job on the embedded demo company, end to end and without Odoo —
/// generate, pull into a fresh store, trial balance, checks, bank matching and adjusting entries
/// scored against the ground truth, a rewritten posted entry caught by the next pull, and the audit
/// trail verified.
public struct DemoService: Sendable {
    public var options: DemoOptions
    public var storePath: String
    public var groundTruthPath: String
    public var actor: String
    /// Delete the store even when it holds more than an earlier demo.
    public var replace: Bool

    public init(options: DemoOptions, storePath: String, groundTruthPath: String, actor: String, replace: Bool = false) {
        self.options = options
        self.storePath = storePath
        self.groundTruthPath = groundTruthPath
        self.actor = actor
        self.replace = replace
    }

    public var sourceKey: SourceKey { .demo("northwind", seed: options.seed) }
    /// The demo's rule set, written beside the ground truth.
    public var rulesPath: String { URL(fileURLWithPath: groundTruthPath).deletingLastPathComponent().appendingPathComponent("demo-rules.yaml").path }

    public func run(progress: some ProgressReporter) async throws -> DemoReport {
        if let lines = options.targetLines { try DemoMemoryBudget.thisMachine().check(lines: lines) }
        if !replace { try Self.refuseWork(at: storePath) }
        let started = ContinuousClock.now
        let book = DemoCompany.generate(options)
        let generationSeconds = (ContinuousClock.now - started).seconds
        // The demo always starts from an empty store, so its figures are the same on every run.
        try AppDatabase.remove(at: storePath)
        let store = try AppDatabase.openOrCreate(at: storePath)
        let source = DemoLedgerSource(book: book)
        let pulls = PullService(store: store, actor: actor)
        let period = options.closePeriod
        progress.restartClock()
        let first = try await pulls.pull(from: source, sourceKey: sourceKey, period: period, historyMonths: options.historyMonths,
                                         progress: { model, count in progress.update("pulling \(model)", count: count) })
        progress.finish()

        let stored = try store.loadSnapshot(sourceKey: sourceKey)
        let trialBalance = TrialBalance(snapshot: stored, period: period)
        try book.groundTruth.write(to: URL(fileURLWithPath: groundTruthPath))

        // An administrator rewrites a line of a posted entry, as Odoo allows; the next pull must say so.
        let edited = try await source.simulateAdministratorEdit(in: period)
        let second = try await pulls.pull(from: source, sourceKey: sourceKey, period: period, historyMonths: options.historyMonths)
        // Checked after the re-pull, so the rewritten entry shows up as a finding too.
        let checks = try CheckService(store: store, actor: actor).run(sourceKey: sourceKey, period: period, asOf: options.asOf)
        let scores = CheckScore.score(checks.findings, against: book.groundTruth, pulled: stored)
        let reading = FirstScreenScore.score(checks.findings, against: book.groundTruth, pulled: stored)
        let reconcile = try ReconcileService(store: store, actor: actor).propose(sourceKey: sourceKey, period: period)
        let matching = MatchScore.score(reconcile.proposals.map(\.proposal), against: book.groundTruth, snapshot: stored)
        let adjustments = try AdjustmentService(store: store, actor: actor).propose(sourceKey: sourceKey, period: period)
        let adjustmentScores = AdjustmentScore.score(adjustments.proposals.map(\.proposal), against: book.groundTruth)
        let duplicates = try DuplicateBillService(store: store).duplicates(sourceKey: sourceKey, period: period)
        let payablesScores = ControlScore.score(duplicates.hits, against: book.groundTruth)
        let purchaseBills = DemoPurchaseBills(book, source: sourceKey)
        let matcher = PurchaseOrderMatcher(rules: RuleSet.demo.payables.matching)
        let purchaseMatches = purchaseBills.bills.map { matcher.match($0, orderLines: purchaseBills.orderLines) }
        let paymentRun = DemoPaymentRun(book, rules: RuleSet.demo.treasury)
        let proposal = paymentRun.propose()
        let expenseReports = DemoExpenseReports(book)
        let expenseFindings = expenseReports.findings(rules: RuleSet.demo.expenses)
        let collections = CollectionsScore.score(ReceivablesBook(stored), against: book.groundTruth, rules: RuleSet.demo.receivables.model)
        try Data(RuleSet.demoText.utf8).write(to: URL(fileURLWithPath: rulesPath), options: .atomic)
        let checklist = try ChecklistService(store: store, actor: actor).board(sourceKey: sourceKey, period: period, asOf: options.asOf)
        let lockBlockers = try LockGate(store: store, actor: actor).blockers(sourceKey: sourceKey, period: period, children: [], asOf: options.asOf)
        // The demo's last event: a store whose trail ends here holds nothing a later demo may not replace.
        try store.recordAudit(NewAuditEvent(actor: actor, action: StoreContents.demoCompleted,
                                            payload: ["seed": String(options.seed), "period": period.description]))

        return DemoReport(
            company: book.snapshot.company.name, seed: options.seed, period: period, generated: book.snapshot.counts,
            generationSeconds: generationSeconds, storePath: storePath, firstPull: first, secondPull: second,
            editedMove: edited, trialBalance: DemoReport.TrialBalanceSummary(trialBalance),
            groundTruthPath: groundTruthPath, plantedProblems: book.groundTruth.countsByKind,
            plantedTally: PlantedTally(book.groundTruth, checkScores: scores),
            findingsBySeverity: checks.countsBySeverity, checkScores: scores, reading: reading, matchScore: matching, matchModelVersion: reconcile.model.version,
            adjustmentScores: adjustmentScores, payablesScores: payablesScores,
            purchaseMatch: DemoReport.PurchaseMatchSummary(bills: purchaseMatches.count, touchless: purchaseMatches.filter(\.isMatched).count,
                                                           scores: ControlScore.score(purchaseMatches, against: book.groundTruth),
                                                           lookAlikes: book.groundTruth.payablesLookAlikes.count,
                                                           rulesPath: rulesPath),
            paymentRun: DemoReport.ReviewSummary(reviewed: paymentRun.candidates.count, flagged: proposal.leftOut.count,
                                                 scores: ControlScore.score(proposal, against: book.groundTruth),
                                                 lookAlikes: book.groundTruth.lookAlikes(of: GroundTruth.treasuryLookAlikeKinds).count),
            expenseReview: DemoReport.ReviewSummary(reviewed: expenseReports.reports.count, flagged: expenseFindings.count,
                                                    scores: ControlScore.score(expenseFindings, against: book.groundTruth),
                                                    lookAlikes: book.groundTruth.lookAlikes(of: GroundTruth.expenseLookAlikeKinds).count),
            notPlanted: book.groundTruth.notPlanted,
            collections: collections, checklist: checklist.summary, lockBlockers: lockBlockers, audit: try store.verifyAuditTrail())
    }

    /// Refuses a store that holds more than an earlier demo left (people, decisions, another ledger, anything
    /// done after the demo), reading it read-only so a refused store stays byte for byte as it was.
    static func refuseWork(at path: String) throws {
        guard try AppDatabase.isOccupied(path) else { return }
        let contents: StoreContents
        do {
            contents = try AppDatabase.contents(at: path)
        } catch {
            throw DemoError.unreadableStore(path: path)
        }
        if !contents.isEarlierDemo { throw DemoError.storeHoldsWork(path: path, contents: contents) }
    }
}

public struct DemoReport: Sendable, Codable {
    public struct TrialBalanceSummary: Sendable, Codable {
        public var accounts: Int
        public var totalDebit: Money
        public var totalCredit: Money
        public var balanced: Bool

        init(_ balance: TrialBalance) {
            accounts = balance.rows.count
            totalDebit = balance.totalDebit
            totalCredit = balance.totalCredit
            balanced = balance.isBalanced
        }
    }

    public struct PurchaseMatchSummary: Sendable, Codable {
        public var bills: Int
        /// Bills matched without an exception.
        public var touchless: Int
        public var scores: [ControlScore]
        /// The planted look-alikes (of the match and the duplicate search): none may be flagged.
        public var lookAlikes: Int
        /// The rule set the match ran with (the built-in one, with orders required for the demo's purchased goods).
        public var rulesPath: String
    }

    /// A review of the demo's records against its planted problems: the payment run's pre-flight (bills due, bills
    /// left out) or the expense review (reports, findings).
    public struct ReviewSummary: Sendable, Codable {
        public var reviewed: Int
        public var flagged: Int
        public var scores: [ControlScore]
        /// The review's planted look-alikes: none may be flagged.
        public var lookAlikes: Int
    }

    public var company: String
    public var seed: UInt64
    public var period: Period
    public var generated: LedgerCounts
    public var generationSeconds: Double
    public var storePath: String
    public var firstPull: PullReport
    public var secondPull: PullReport
    public var editedMove: String
    public var trialBalance: TrialBalanceSummary
    public var groundTruthPath: String
    public var plantedProblems: [String: Int]
    /// Which of the planted problems the checks score and which the adjusting entries do.
    public var plantedTally: PlantedTally
    public var findingsBySeverity: [String: Int]
    public var checkScores: [CheckScore]
    /// What a controller reads: top-level findings, and the planted problems and blocking findings on the first screen.
    public var reading: FirstScreenScore
    /// Bank-match proposals against the planted matches.
    public var matchScore: MatchScore
    public var matchModelVersion: Int
    /// Drafted adjusting entries against the planted accruals and deferrals.
    public var adjustmentScores: [AdjustmentScore]
    /// The duplicate-bill search against the planted duplicates and look-alikes.
    public var payablesScores: [ControlScore]
    /// The purchase-order match of the period's bills against the planted match problems and look-alikes.
    public var purchaseMatch: PurchaseMatchSummary
    /// The payment run's pre-flight on the bills due against the planted treasury problems and look-alikes.
    public var paymentRun: ReviewSummary
    /// The expense review of the employees' reports against the planted expense problems and look-alikes.
    public var expenseReview: ReviewSummary
    /// Kinds the company was too small to plant, with why.
    public var notPlanted: [String: String]
    /// The collections model on a time split, against the planted payment habits.
    public var collections: CollectionsScore
    /// The close checklist's state, and what keeps the period from being locked.
    public var checklist: String
    public var lockBlockers: [String]
    public var audit: AuditVerification
}
