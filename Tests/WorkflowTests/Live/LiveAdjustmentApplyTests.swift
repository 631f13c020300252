import Adjustments
@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Ledger
import OdooLedger
import OdooRPC
import Testing

/// `closer apply` and `closer rollback` against a real Odoo, when CLOSER_TEST_ODOO_URL, _DB, _USER and
/// _PASSWORD are set. Each test drafts its own accrual (a fresh subject, so its tag is new) between an
/// expense and a current liability of the company's chart, and removes whatever it created.
@Suite(.serialized, .liveOdoo)
struct LiveAdjustmentApplyTests {
    struct Fixture {
        var settings: OdooSettings
        var client: OdooClient
        var sourceKey: SourceKey
        var snapshot: LedgerSnapshot
        var period: Period
        var source: OdooLedgerSource

        init() async throws {
            settings = try #require(LiveOdooSettings.settings(mode: "supervised"))
            let source = OdooGateway.source(settings)
            self.source = source
            client = source.client
            sourceKey = source.sourceKey(companyID: try await source.resolvedCompanyID())
            // The current month: entries dated later would be reversed by Odoo only on their date (auto-post).
            period = Period(containing: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).date)
            snapshot = try await Self.pulled(source, sourceKey: sourceKey, period: period).loadSnapshot(sourceKey: sourceKey)
        }

        static func pulled(_ source: OdooLedgerSource, sourceKey: SourceKey, period: Period) async throws -> AppDatabase {
            let store = try AppDatabase.inMemory()
            _ = try await PullService(store: store, actor: "live-test").pull(from: source, sourceKey: sourceKey, period: period)
            return store
        }

        /// A store holding the pulled ledger and one approved accrual dated `date`.
        func storeWithApprovedAccrual(subject: String, date: LocalDate) async throws -> (AppDatabase, StoredAdjustment) {
            let store = try await Self.pulled(source, sourceKey: sourceKey, period: period)
            let journal = try #require(snapshot.journals.first { $0.type == .general })
            let expense = try #require(snapshot.accounts.first { $0.type == .expense })
            let liability = try #require(snapshot.accounts.first { $0.type == .currentLiabilities })
            let amount = snapshot.company.currency.money(12_345)
            let proposal = AdjustmentProposal(
                kind: .accrual, company: RecordRef(model: "res.company", id: snapshot.company.id, name: snapshot.company.name),
                period: Period(containing: date), subject: subject,
                entry: ProposedEntry(journalID: journal.id, date: date, ref: "Closer live test accrual", lines: [
                    ProposedLine(accountID: expense.id, label: "Closer live test", amount: amount),
                    ProposedLine(accountID: liability.id, label: "Closer live test", amount: -amount),
                ], reversalDate: Period(containing: date).next.start),
                calculation: [CalculationStep("fixed test amount", amount: amount)], evidence: [], confidence: 0.9, reason: "live test")
            let run = try store.startRun(kind: "propose", period: proposal.period.description, actor: "live-test")
            let stored = try store.saveAdjustmentProposals([proposal], kinds: [.accrual], runID: run, sourceKey: sourceKey,
                                                           period: proposal.period, actor: "preparer")
            try store.addUser(login: "approver", name: "Approver", roles: [.approver], odooUserID: nil, actor: "live-test")
            let approved = try store.decideAdjustment(id: stored[0].id, sourceKey: sourceKey, approved: true, actor: "approver", note: nil,
                                                      policy: ApprovalPolicy())
            return (store, approved.proposal)
        }

        func service(_ store: AppDatabase, posting kinds: Set<AdjustmentKind> = []) -> AdjustmentApplyService {
            AdjustmentApplyService(store: store, settings: settings, actor: "live-test", rules: AdjustmentRules(postKinds: kinds))
        }

        var writer: OdooAdjustmentWriter { OdooAdjustmentWriter(client: client) }

        func moveCount() async throws -> Int { try await client.searchCount("account.move", domain: []) }
    }

    /// The date the test drafts on: the day after the latest lock date, or the period's end when later.
    static func openDate(_ snapshot: LedgerSnapshot, period: Period) -> LocalDate {
        let locks = [snapshot.company.lockDates.fiscalYear, snapshot.company.lockDates.hard, snapshot.company.lockDates.period].compactMap { $0 }
        return max(period.end, (locks.max() ?? period.end).adding(days: 1))
    }

    @Test func applyCreatesExactlyTheDraftsASecondRunFindsThemAndRollbackRemovesThem() async throws {
        let fixture = try await Fixture()
        let subject = "live-" + UUID().uuidString.prefix(8).lowercased()
        let date = Self.openDate(fixture.snapshot, period: fixture.period)
        let (store, approved) = try await fixture.storeWithApprovedAccrual(subject: subject, date: date)
        let before = try await fixture.moveCount()

        let first = try await fixture.service(store).apply(sourceKey: fixture.sourceKey)
        #expect(first.failed == 0, "\(first.results.map(\.detail))")
        #expect(first.created == 2)
        #expect(try await fixture.moveCount() == before + 2)
        let entries = try await fixture.writer.entries(tagged: approved.idempotencyKey)
        let reversals = try await fixture.writer.entries(tagged: approved.idempotencyKey + ".reversal")
        #expect(entries.count == 1 && reversals.count == 1)
        #expect(entries.first?.state == .draft && reversals.first?.state == .draft, "Closer writes drafts only")
        #expect(entries.first?.date == date && reversals.first?.date == Period(containing: date).next.start)
        let lines = try await fixture.client.searchRead("account.move.line", domain: [["move_id", "=", RPCValue(try #require(entries.first?.id))]],
                                                        fields: ["debit", "credit"])
        #expect(lines.compactMap { $0["debit"]?.numberValue?.minorUnits(scale: 2) }.reduce(0, +) == 12_345)
        #expect(try store.adjustment(id: approved.id, sourceKey: fixture.sourceKey).status == .applied)

        // Nothing left to apply in this store; a second store with the same approved proposal (a retry
        // after a crash that lost the store's record) finds both entries by their tags and creates nothing.
        #expect(try await fixture.service(store).apply(sourceKey: fixture.sourceKey).results.isEmpty)
        let (retryStore, _) = try await fixture.storeWithApprovedAccrual(subject: subject, date: date)
        let retry = try await fixture.service(retryStore).apply(sourceKey: fixture.sourceKey)
        #expect(retry.created == 0 && retry.failed == 0, "\(retry.results.map(\.detail))")
        #expect(try await fixture.moveCount() == before + 2)

        let rollback = try await fixture.service(store).rollback(sourceKey: fixture.sourceKey, batchID: try #require(first.batchID))
        #expect(rollback.failures.isEmpty, "\(rollback.failures)")
        #expect(rollback.undone.map(\.role) == ["reversal", "entry"])
        #expect(rollback.unchangedSinceBefore, "\(rollback.differences)")
        #expect(try await fixture.moveCount() == before)
        #expect(try await fixture.writer.entries(tagged: approved.idempotencyKey).isEmpty)
        #expect(try store.adjustment(id: approved.id, sourceKey: fixture.sourceKey).status == .rolledBack)
        #expect(try await fixture.service(store).rollback(sourceKey: fixture.sourceKey, batchID: try #require(first.batchID)).alreadyRolledBack)
        #expect(try store.verifyAuditTrail().isIntact)
    }

    @Test func autonomousModeAppliesOnlyTheKindsThePolicyNamesAtTheirConfidence() async throws {
        let fixture = try await Fixture()
        let date = Self.openDate(fixture.snapshot, period: fixture.period)
        let (store, approved) = try await fixture.storeWithApprovedAccrual(subject: "live-auto-" + UUID().uuidString.prefix(8).lowercased(), date: date)
        // A second accrual nobody approved (confidence 0.9), in a store whose first one a person approved.
        var unapproved = approved.proposal
        unapproved.subject = "live-auto-" + UUID().uuidString.prefix(8).lowercased()
        let run = try store.startRun(kind: "propose", period: unapproved.period.description, actor: "preparer")
        let waiting = try store.saveAdjustmentProposals([approved.proposal, unapproved], kinds: [.accrual], runID: run, sourceKey: fixture.sourceKey,
                                                        period: unapproved.period, actor: "preparer")[1]
        let autonomous = try #require(LiveOdooSettings.settings(mode: "autonomous"))
        func service(_ threshold: Double) -> AdjustmentApplyService {
            AdjustmentApplyService(store: store, settings: autonomous, actor: "closer-agent", rules: AdjustmentRules(autonomous: [.accrual: threshold]))
        }
        // Above the proposal's confidence: only the person-approved one is written.
        let strict = try await service(0.95).apply(sourceKey: fixture.sourceKey)
        #expect(strict.results.map(\.proposalID) == [approved.id] && strict.created == 2)
        #expect(try store.adjustment(id: waiting.id, sourceKey: fixture.sourceKey).status == .proposed)
        // At it: the policy approves and applies the other.
        let lenient = try await service(0.85).apply(sourceKey: fixture.sourceKey)
        #expect(lenient.results.map(\.proposalID) == [waiting.id] && lenient.created == 2, "\(lenient.results.map(\.detail))")
        #expect(try store.adjustment(id: waiting.id, sourceKey: fixture.sourceKey).decidedBy == AppDatabase.autonomousDecider)
        for batch in [strict.batchID, lenient.batchID] {
            let rollback = try await fixture.service(store).rollback(sourceKey: fixture.sourceKey, batchID: try #require(batch))
            #expect(rollback.failures.isEmpty && rollback.unchangedSinceBefore)
        }
    }

    @Test func postedEntriesAreRolledBackThroughOdoosReversal() async throws {
        let fixture = try await Fixture()
        let date = Self.openDate(fixture.snapshot, period: fixture.period)
        let (store, approved) = try await fixture.storeWithApprovedAccrual(subject: "live-posted-" + UUID().uuidString.prefix(8).lowercased(), date: date)
        let applied = try await fixture.service(store, posting: [.accrual]).apply(sourceKey: fixture.sourceKey)
        #expect(applied.created == 2 && applied.failed == 0, "\(applied.results.map(\.detail))")
        let entry = try #require(try await fixture.writer.entries(tagged: approved.idempotencyKey).first)
        #expect(entry.state == .posted, "the rule set allows posting accruals")

        let rollback = try await fixture.service(store).rollback(sourceKey: fixture.sourceKey, batchID: try #require(applied.batchID))
        #expect(rollback.failures.isEmpty, "\(rollback.failures)")
        #expect(rollback.undone.allSatisfy { $0.outcome.hasPrefix("reversed posted") }, "\(rollback.undone.map(\.outcome))")
        #expect(rollback.unchangedSinceBefore, "\(rollback.differences)")
        let reversal = try await fixture.client.searchRead("account.move", domain: [
            ["reversed_entry_id", "=", RPCValue(entry.id)], ["ref", "not ilike", "[closer."],
        ], fields: ["date", "state", "auto_post"])
        #expect(reversal.first?["date"]?.stringValue == date.description, "the reversal nets the entry in its own period")
        // Odoo posts a reversal dated after today only on its date (auto_post at_date).
        let today = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).date
        #expect(reversal.first?["state"]?.stringValue == (date <= today ? "posted" : "draft"))
    }

    @Test func aProposalDatedInALockedPeriodIsRefusedBeforeOdoo() async throws {
        let fixture = try await Fixture()
        let company = fixture.snapshot.company.id
        let locks = try await OdooCompanyLocks(client: fixture.client).read(companyID: company)
        // A database without a lock date gets one before any entry for the test, and loses it afterwards.
        let existing = locks.fiscalYear ?? locks.hard ?? locks.period
        let lock = try #require(existing ?? LocalDate(iso: "2000-12-31"))
        if existing == nil { try await fixture.client.write("res.company", ids: [company], ["fiscalyear_lock_date": .string(lock.description)]) }
        do {
            let (store, approved) = try await fixture.storeWithApprovedAccrual(subject: "live-locked-" + UUID().uuidString.prefix(8).lowercased(), date: lock)
            let before = try await fixture.moveCount()
            let report = try await fixture.service(store).apply(sourceKey: fixture.sourceKey)
            let result = try #require(report.results.first)
            #expect(!result.applied && result.entries.isEmpty)
            #expect(result.detail.contains("Refused before writing") && result.detail.contains("lock date (\(lock))"), "\(result.detail)")
            #expect(try await fixture.moveCount() == before)
            #expect(try store.adjustment(id: approved.id, sourceKey: fixture.sourceKey).status == .failed)
        } catch {
            if existing == nil { try await fixture.client.write("res.company", ids: [company], ["fiscalyear_lock_date": false]) }
            throw error
        }
        if existing == nil { try await fixture.client.write("res.company", ids: [company], ["fiscalyear_lock_date": false]) }
    }

    @Test func odoosRefusalOfAnUnbalancedEntryIsReportedInItsOwnWords() async throws {
        let fixture = try await Fixture()
        let journal = try #require(fixture.snapshot.journals.first { $0.type == .general })
        let expense = try #require(fixture.snapshot.accounts.first { $0.type == .expense })
        let money = fixture.snapshot.company.currency.money
        let entry = ProposedEntry(journalID: journal.id, date: Self.openDate(fixture.snapshot, period: fixture.period), ref: "Closer live test unbalanced",
                                  lines: [ProposedLine(accountID: expense.id, label: "one side", amount: money(500))])
        let key = "closer.test.unbalanced." + UUID().uuidString.prefix(8).lowercased()
        let before = try await fixture.moveCount()
        do {
            let id = try await fixture.writer.createDraft(entry, key: key, narration: "")
            _ = try await fixture.writer.undo(moveID: id, reason: "test")
            Issue.record("Odoo accepted an unbalanced entry")
        } catch {
            let text = OdooErrorText.sentence(error)
            #expect(text.contains("not balanced"), "\(text)")
            #expect(!text.contains("Traceback"))
        }
        #expect(try await fixture.moveCount() == before)
    }
}
