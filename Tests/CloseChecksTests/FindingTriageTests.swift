@testable import CloseChecks
import Foundation
import Ledger
import Testing

/// Triage after the checks: systemic findings grouped by their one cause (and look-alikes left alone), checks
/// whose premise the company does not share said once, and the ranking with its first screen.
@Suite struct FindingTriageTests {
    typealias L = CheckFixture.L
    typealias Acc = CheckFixture.Acc
    typealias Jnl = CheckFixture.Jnl

    static let admin = UserRef(id: 7, name: "Administrator")

    /// A posted October entry created at `created` by `user`.
    @discardableResult
    static func entry(_ fixture: inout CheckFixture, _ name: String, _ date: String = "2026-10-15", created: String, by user: UserRef = admin,
                      amount: Int64 = 1_000) -> Int {
        let id = fixture.add(name, date, created: created, [L(account: Acc.travel, amount: amount, analytic: CheckFixture.fullAnalytic),
                                                            L(account: Acc.bank, amount: -amount)])
        fixture.snapshot.moves[fixture.snapshot.moves.count - 1].audit.createdBy = user
        return id
    }

    static func triage(_ fixture: CheckFixture, _ checks: [Check], detectors: [AnomalyDetector] = [], rules: TriageRules = TriageRules()) -> [Finding] {
        let context = fixture.context
        let findings = CheckRegistry.run(checks, context) + AnomalyRegistry.run(detectors, context, AnomalyThresholds())
        return FindingTriage.apply(findings, context: context, rules: rules)
    }

    /// What the store's fingerprint is made of: the check and the records.
    static func identity(_ finding: Finding) -> String { finding.checkID + finding.records.map { "\($0.model)#\($0.id)" }.sorted().joined() }

    // MARK: Grouping

    @Test func lateEntriesCreatedOnOneDayByOneUserBecomeOneFinding() {
        var fixture = CheckFixture.clean
        let imported = (1...6).map { Self.entry(&fixture, "MISC/2026/10/1\($0)", created: "2026-12-04 09:0\($0):00") }
        // Look-alikes: late too, but keyed in on six different days, and six on one day by six different people.
        let spread = (1...6).map { Self.entry(&fixture, "MISC/2026/10/2\($0)", created: "2026-11-1\($0) 10:00:00") }
        let people = (1...6).map { Self.entry(&fixture, "MISC/2026/10/3\($0)", created: "2026-11-20 10:00:00", by: UserRef(id: 10 + $0, name: "Clerk \($0)")) }
        let ungrouped = CheckRegistry.run([Check.latePosting], fixture.context).filter { !imported.contains($0.records[0].id) }

        let findings = Self.triage(fixture, [Check.latePosting])
        let grouped = findings.filter { $0.records.count > 1 }
        #expect(grouped.count == 1)
        #expect(grouped.first.map { Set($0.records.map(\.id)) } == Set(imported))
        #expect(grouped.first?.message.contains("6 entries dated 2026-10-15 were created on 2026-12-04 by Administrator") == true)
        #expect(grouped.first?.message.contains("a bulk import? Confirm and dismiss them together, or review them") == true)
        #expect(grouped.first?.evidence["total"] == "60.00" && grouped.first?.evidence["grouped"] == "6")
        #expect(grouped.first?.severity == .warning && grouped.first?.checkID == "late-posting")
        // The look-alikes stay one finding each, with the fingerprints waivers and comparisons rely on.
        #expect(Set(findings.filter { $0.records.count == 1 }.map(Self.identity)) == Set(ungrouped.map(Self.identity)))
        #expect(findings.count == 1 + spread.count + people.count)
    }

    @Test func fewerThanTheRuleSetsMinimumStayApart() {
        var fixture = CheckFixture.clean
        for index in 1...4 { Self.entry(&fixture, "MISC/2026/10/1\(index)", created: "2026-12-04 09:00:00") }
        #expect(Self.triage(fixture, [Check.latePosting]).count == 4)
        #expect(Self.triage(fixture, [Check.latePosting], rules: TriageRules(systemicMinFindings: 4)).count == 1)
    }

    @Test func blockingFindingsAreNeverFoldedIntoAGroup() {
        var fixture = CheckFixture.clean
        for index in 1...6 {
            fixture.simple("/", "2026-10-1\(index)", state: .draft, created: "2026-10-20 10:00:00")
            fixture.snapshot.moves[fixture.snapshot.moves.count - 1].audit.createdBy = Self.admin
        }
        let findings = Self.triage(fixture, [Check.draftInPeriod])
        #expect(findings.count == 6 && findings.allSatisfy { $0.records.count == 1 && $0.severity == .blocking })
    }

    static func statementLine(_ fixture: inout CheckFixture, id: Int, _ date: String) {
        let move = fixture.simple("BNK1/\(id)", date, journal: Jnl.bank)
        fixture.snapshot.statementLines.append(StatementLine(id: id, moveID: move, journalID: Jnl.bank, date: LocalDate(iso: date)!,
                                                             amount: CheckFixture.usd.money(2_500)))
    }

    @Test func aJournalsUnreconciledLinesSpanningMonthsAreOneAbandonedFeed() {
        var fixture = CheckFixture.clean
        for (index, month) in ["05", "06", "07", "08", "09", "10"].enumerated() { Self.statementLine(&fixture, id: index + 1, "2026-\(month)-12") }
        let findings = Self.triage(fixture, [Check.unreconciledStatementLine])
        #expect(findings.count == 1)
        #expect(findings.first?.records.count == 6)
        #expect(findings.first?.message.hasPrefix("6 statement lines of Bank (BNK1) are unreconciled, from 2026-05-12 to 2026-10-12 (6 months), for 150.00 USD in all") == true)
    }

    @Test func unreconciledLinesOfOneMonthAreOneFeedToReconcileNotAnAbandonedOne() {
        var fixture = CheckFixture.clean
        for day in 10...15 { Self.statementLine(&fixture, id: day, "2026-10-\(day)") }
        let findings = Self.triage(fixture, [Check.unreconciledStatementLine])
        #expect(findings.count == 1 && findings.first?.records.count == 6)
        #expect(findings.first?.message.hasPrefix("6 statement lines of Bank (BNK1) are not reconciled yet, from 2026-10-10 to 2026-10-15, for 150.00 USD in all: "
                                                  + "reconcile the feed") == true)
        // Work to do, not a pattern to confirm: it stays on the first screen.
        #expect(findings.first?.evidence["pattern"] == nil && findings.first?.ranking?.onFirstScreen == true)
    }

    @Test func weekendEntriesOfOneBankJournalOnManyDaysAreOneHabitAndOtherJournalsStayApart() {
        var fixture = CheckFixture.clean
        let clerk = UserRef(id: 5, name: "Clerk")
        // Five October weekends' card takings booked in the bank journal on their value dates, each keyed in on its own Monday.
        let saturdays = ["2026-10-03", "2026-10-10", "2026-10-17", "2026-10-24", "2026-10-31"]
        let banked = saturdays.map { day in
            let id = fixture.simple("BNK1/\(day)", day, journal: Jnl.bank, created: "\(LocalDate(iso: day)!.adding(days: 2)) 09:00:00")
            fixture.snapshot.moves[fixture.snapshot.moves.count - 1].audit.createdBy = clerk
            return id
        }
        // Look-alike: one Sunday entry in the general journal, dated and keyed in on the Sunday.
        let misc = Self.entry(&fixture, "MISC/2026/10/0100", "2026-10-04", created: "2026-10-04 21:00:00", by: clerk)
        let findings = Self.triage(fixture, [], detectors: [AnomalyDetector.weekendPosting])
        #expect(findings.count == 2)
        let habit = findings.first { $0.records.count > 1 }
        #expect(habit.map { Set($0.records.map(\.id)) } == Set(banked))
        #expect(habit?.message.hasPrefix("5 entries of Bank (BNK1) dated 2026-10-03…2026-10-31 are entries dated or keyed in at the weekend") == true)
        #expect(habit?.message.contains("the bank's own dates and habits? Confirm and dismiss them together") == true)
        #expect(habit?.ranking?.onFirstScreen == false)
        #expect(findings.contains { $0.records.map(\.id) == [misc] && $0.ranking?.onFirstScreen == true })
    }

    @Test func linesOfOneAccountAndPartnerRepeatingAPatternBecomeOne() {
        var fixture = CheckFixture.clean   // its October bill carries an analytic distribution: the company uses them
        for index in 1...5 {
            fixture.add("BILL/2026/10/00\(index + 10)", "2026-10-1\(index)", journal: Jnl.purchases,
                        [L(account: Acc.travel, amount: 300, partner: 1), L(account: Acc.payable, amount: -300, partner: 1)])
        }
        // Look-alikes: lines on the same account without a partner (another pattern), too few to group.
        for index in 1...3 { fixture.add("MISC/2026/10/00\(index + 20)", "2026-10-2\(index)", [L(account: Acc.travel, amount: 40), L(account: Acc.bank, amount: -40)]) }
        let findings = Self.triage(fixture, [Check.missingAnalytic])
        #expect(findings.count == 4)
        let grouped = findings.first { $0.records.count > 1 }
        #expect(grouped?.records.count == 5)
        #expect(grouped?.message.hasPrefix("5 lines on 627000 Travel with Acme repeat one pattern (expense lines without an analytic distribution), for 15.00 USD") == true)
    }

    // MARK: Premises

    /// The clean ledger without analytic distributions, with September history.
    static var noAnalytics: CheckFixture {
        var fixture = CheckFixture.clean
        for index in fixture.snapshot.lines.indices { fixture.snapshot.lines[index].analytic = nil }
        fixture.add("MISC/2026/09/0001", "2026-09-10", [L(account: Acc.travel, amount: 70), L(account: Acc.bank, amount: -70)])
        for index in 1...3 { fixture.add("MISC/2026/10/00\(index + 10)", "2026-10-1\(index)", [L(account: Acc.travel, amount: 90), L(account: Acc.bank, amount: -90)]) }
        return fixture
    }

    @Test func missingAnalyticSaysOnceWhenTheCompanyNeverUsedAnalyticAccounting() {
        let findings = Self.triage(Self.noAnalytics, [Check.missingAnalytic])
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .advisory && findings.first?.records.count == 4)
        #expect(findings.first?.message.hasPrefix("The company has never used analytic accounting: none of its 2 earlier lines (since 2026-09-10)") == true)
        #expect(findings.first?.message.contains("`triage.check_premises: false`") == true)
        #expect(findings.first?.message.contains("add missing-analytic to `disabled_checks`") == true)
    }

    @Test func missingAnalyticFiresPerLineWhenTheHistoryUsedItOrPremisesAreOff() {
        var fixture = Self.noAnalytics
        fixture.snapshot.lines[fixture.snapshot.lines.firstIndex { $0.date < CheckFixture.period.start }!].analytic = CheckFixture.fullAnalytic
        #expect(Self.triage(fixture, [Check.missingAnalytic]).count == 4)
        #expect(Self.triage(Self.noAnalytics, [Check.missingAnalytic], rules: TriageRules(checkPremises: false)).count == 4)
    }

    /// Thirty earlier entries by a person, `weekends` of them dated on a Saturday, and two October Saturday entries.
    static func weekendHistory(weekends: Int) -> CheckFixture {
        var fixture = CheckFixture.clean
        let clerk = UserRef(id: 5, name: "Clerk")
        // 2026-08-01 is a Saturday, 2026-08-03 a Monday.
        for index in 0..<30 {
            let day = LocalDate(iso: index < weekends ? "2026-08-01" : "2026-08-03")!.adding(days: 7 * (index % 4))
            Self.entry(&fixture, "MISC/H/\(index)", day.description, created: "\(day) 10:00:00", by: clerk)
        }
        for day in ["2026-10-10", "2026-10-17"] { Self.entry(&fixture, "MISC/W/\(day)", day, created: "\(day) 10:00:00", by: clerk) }
        return fixture
    }

    @Test func weekendPostingsSayOnceWhenTheCompanyBooksAtTheWeekendRoutinely() {
        let routine = Self.triage(Self.weekendHistory(weekends: 9), [], detectors: [AnomalyDetector.weekendPosting])
        #expect(routine.count == 1 && routine.first?.severity == .advisory && routine.first?.records.count == 2)
        #expect(routine.first?.message.hasPrefix("Miscellaneous Operations (MISC) routinely books at the weekend: 9 of its 30 earlier entries") == true)
        let rare = Self.triage(Self.weekendHistory(weekends: 1), [], detectors: [AnomalyDetector.weekendPosting])
        #expect(rare.count == 2 && rare.allSatisfy { $0.severity == .warning })
    }

    @Test func journalsNeverUsedSayOnceJournalsUsedBeforeStayFindings() {
        var fixture = CheckFixture.clean
        fixture.snapshot.journals += [Journal(id: 5, code: "CSH1", name: "Cash", type: .cash), Journal(id: 6, code: "EXCH", name: "Exchange", type: .general),
                                      Journal(id: 7, code: "BNK2", name: "Second Bank", type: .bank)]
        fixture.simple("BNK2/2026/09/0001", "2026-09-30", journal: 7)   // used before, silent this period: a real finding
        let findings = Self.triage(fixture, [Check.journalWithoutEntries])
        #expect(findings.count == 2)
        let note = findings.first { $0.records.count == 2 }
        #expect(note?.message.hasPrefix("No entry was ever posted in journals CSH1, EXCH, so they are not in use") == true)
        #expect(findings.contains { $0.records.map(\.id) == [7] && $0.message.hasPrefix("Journal Second Bank (BNK2)") })
    }

    // MARK: Ranking and the first screen

    @Test func materialFindingsRankFirstAndBlockingOnesAreAlwaysOnTheFirstScreen() {
        var fixture = CheckFixture.clean   // October's expenses, 5,006.00 with these two, outweigh its 40.00 of sales
        let small = Self.entry(&fixture, "MISC/2026/10/0101", created: "2026-11-20 10:00:00", amount: 100)   // 1.00: trivial
        let large = Self.entry(&fixture, "MISC/2026/10/0102", created: "2026-11-21 10:00:00", amount: 500_000)   // 5,000.00: material
        let drafts = (1...2).map { fixture.simple("/", "2026-10-2\($0)", state: .draft) }
        let findings = Self.triage(fixture, [Check.latePosting, Check.draftInPeriod])
        #expect(findings.map { $0.records[0].id } == drafts + [large, small])
        #expect(findings.map { $0.ranking!.rank } == [1, 2, 3, 4])
        #expect(findings.allSatisfy { $0.ranking!.onFirstScreen })
        #expect(findings[2].ranking?.materiality == .material && findings[3].ranking?.materiality == .trivial)
        #expect(findings[2].ranking?.amount == CheckFixture.usd.money(500_000))
        // A first screen only for risks above a warning's: the blocking findings and the material one, not the trivial one.
        let tight = Self.triage(fixture, [Check.latePosting, Check.draftInPeriod], rules: TriageRules(firstScreenMinRisk: 0.7))
        #expect(tight.filter { $0.ranking!.onFirstScreen }.map { $0.records[0].id } == drafts + [large])
    }

    @Test func theFirstScreenFoldsNotesPatternsToConfirmAndWeakSignals() {
        var fixture = CheckFixture.clean
        fixture.snapshot.journals.append(Journal(id: 5, code: "CSH1", name: "Cash", type: .cash))   // never used: a premise note
        let imported = (1...5).map { Self.entry(&fixture, "MISC/2026/10/1\($0)", created: "2026-12-04 09:0\($0):00") }   // a bulk import
        let clerk = UserRef(id: 5, name: "Clerk")
        Self.entry(&fixture, "MISC/2026/10/0200", created: "2026-10-15 10:00:00", amount: 500_000)   // October's 5,000.00 of expenses
        // Dated on a Saturday but keyed in on a weekday: one weekend fact, a weak signal; dated and keyed in on a Sunday: two.
        // Both for 1.00, a trivial amount: only the risk decides.
        let weak = Self.entry(&fixture, "MISC/2026/10/0201", "2026-10-10", created: "2026-10-12 09:00:00", by: clerk, amount: 100)
        let strong = Self.entry(&fixture, "MISC/2026/10/0202", "2026-10-18", created: "2026-10-18 21:00:00", by: clerk, amount: 100)
        // The same weak signal for 500.00, a material amount: it matters by its amount.
        let weakButLarge = Self.entry(&fixture, "MISC/2026/10/0203", "2026-10-24", created: "2026-10-26 09:00:00", by: clerk, amount: 50_000)
        let findings = Self.triage(fixture, [Check.latePosting, Check.journalWithoutEntries], detectors: [AnomalyDetector.weekendPosting])
        let screen = findings.filter { $0.ranking!.onFirstScreen }
        #expect(screen.map { $0.records.map(\.id) } == [[weakButLarge], [strong]])
        let folded = findings.filter { !$0.ranking!.onFirstScreen }
        #expect(folded.contains { Set($0.records.map(\.id)) == Set(imported) && $0.ranking?.risk == 0.3 })
        #expect(folded.contains { $0.records.map(\.id) == [weak] })
        #expect(folded.contains { $0.checkID == "journal-without-entries" && $0.severity == .advisory && $0.evidence["premise"] != nil })
    }

    @Test func aFindingOnOneAccountsLinesSaysWhatShareOfThatAccountIsInQuestion() {
        var fixture = CheckFixture.clean   // its October bill carries an analytic distribution: the company uses them
        let line = { (id: Int) in fixture.snapshot.lines.first { $0.moveID == id }!.id }
        let bill = fixture.add("BILL/2026/10/0050", "2026-10-12", journal: Jnl.purchases,
                               [L(account: Acc.travel, amount: 30_000, partner: 1), L(account: Acc.payable, amount: -30_000, partner: 1)])
        let findings = Self.triage(fixture, [Check.missingAnalytic])
        let travel = fixture.snapshot.lines.filter { $0.accountID == Acc.travel && CheckFixture.period.contains($0.date) }
            .reduce(Int64(0)) { $0 + $1.debit.minorUnits - $1.credit.minorUnits }
        let finding = findings.first { $0.records.map(\.id) == [line(bill)] }
        #expect(finding?.ranking?.accountShareBasisPoints == Int(30_000 * 10_000 / travel))
        #expect(travel > 30_000 && (finding?.ranking?.accountShareBasisPoints ?? 0) > 5_000, "most of October's travel is in question")
    }

    @Test func theRiskSeamWeighsAKindByTheCompanysHistory() {
        var fixture = CheckFixture.clean
        Self.entry(&fixture, "MISC/2026/10/0101", created: "2026-11-20 10:00:00", amount: 100)
        let context = fixture.context
        let findings = CheckRegistry.run([Check.latePosting], context)
        let plain = FindingTriage.apply(findings, context: context, rules: TriageRules())
        let dismissed = FindingTriage.apply(findings, context: context, rules: TriageRules(), risk: FindingRiskInput(weightByCheck: ["late-posting": 0.5]))
        #expect(plain[0].ranking!.risk == 0.6 && dismissed[0].ranking!.risk == 0.3)
    }
}
