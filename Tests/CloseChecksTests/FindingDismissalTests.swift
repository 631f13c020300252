@testable import CloseChecks
import Foundation
import Ledger
import Testing

/// Dismissals in triage: each scope hides what it covers and one note says so with the records kept; an expired,
/// withdrawn or changed dismissal hides nothing; a blocking finding is hidden only by a dismissal of its own record;
/// and dismissal history weighs a kind's risk.
@Suite struct FindingDismissalTests {
    typealias L = CheckFixture.L
    typealias Acc = CheckFixture.Acc

    static let bolt = 2
    static let meals = 28
    static let until = LocalDate(iso: "2026-12-31")!

    /// The clean ledger with a second partner and a second expense account.
    static var fixture: CheckFixture {
        var fixture = CheckFixture.clean
        fixture.snapshot.partners.append(Partner(id: bolt, name: "Bolt"))
        fixture.snapshot.accounts.append(Account(id: meals, code: "628000", name: "Meals", type: .expense))
        return fixture
    }

    /// A posted October entry keyed in late (on `created`), on `account` with `partner`, without an analytic distribution.
    @discardableResult
    static func late(_ fixture: inout CheckFixture, _ name: String, created: String, account: Int = Acc.travel, partner: Int? = 1,
                     amount: Int64 = 1_000) -> Int {
        fixture.add(name, "2026-10-15", created: created, [L(account: account, amount: amount, partner: partner), L(account: Acc.bank, amount: -amount)])
    }

    static func triage(_ fixture: CheckFixture, _ checks: [Check], dismissals: [Dismissal], risk: FindingRiskInput = FindingRiskInput()) -> [Finding] {
        let context = fixture.context
        return FindingTriage.apply(CheckRegistry.run(checks, context), context: context, rules: TriageRules(), risk: risk, dismissals: dismissals)
    }

    /// A dismissal of `finding` by carol, its scope read from the ledger as `closer findings dismiss` reads it.
    static func dismissal(_ choice: DismissalScope.Choice, of finding: Finding, in fixture: CheckFixture, id: Int64 = 1,
                          until: LocalDate? = until, reason: String = "confirmed with the controller") throws -> Dismissal {
        Dismissal(id: id, checkID: finding.checkID, scope: try Dismissal.scope(choice, of: finding, context: fixture.context), reason: reason,
                  until: until, decidedBy: "carol", decidedAt: "2026-11-05T10:00:00Z")
    }

    static func finding(on id: Int, _ fixture: CheckFixture, _ check: Check = .latePosting) throws -> Finding {
        try #require(CheckRegistry.run([check], fixture.context).first { $0.records.contains { $0.id == id } })
    }

    // MARK: Scopes

    @Test func aRecordDismissalHidesItsFindingAndOneNoteSaysSoWithTheRecordsKept() throws {
        var fixture = Self.fixture
        let dismissed = Self.late(&fixture, "MISC/2026/10/0101", created: "2026-11-20 10:00:00")
        let other = Self.late(&fixture, "MISC/2026/10/0102", created: "2026-11-21 10:00:00")
        let dismissal = try Self.dismissal(.record, of: try Self.finding(on: dismissed, fixture), in: fixture, reason: "bulk import confirmed")

        let findings = Self.triage(fixture, [.latePosting], dismissals: [dismissal])
        #expect(findings.count == 2)
        #expect(findings[0].records.map(\.id) == [other] && findings[0].ranking?.onFirstScreen == true)
        let note = findings[1]
        #expect(note.isSetAsideNote && note.severity == .advisory && note.ranking?.onFirstScreen == false && note.ranking?.rank == 2)
        #expect(note.message.hasPrefix("1 finding of late-posting set aside by carol until 2026-12-31 (this record): bulk import confirmed."))
        #expect(note.records.map(\.id) == [dismissed, 1] && note.records.map(\.model) == ["account.move", "closer.dismissal"])
        #expect(note.evidence["setAside"] == "1" && note.evidence["dismissal"] == "1")
    }

    @Test func aRecordDismissalStopsHoldingWhenTheAmountChanges() throws {
        var fixture = Self.fixture
        let entry = Self.late(&fixture, "MISC/2026/10/0101", created: "2026-11-20 10:00:00")
        let dismissal = try Self.dismissal(.record, of: try Self.finding(on: entry, fixture), in: fixture)
        #expect(Self.triage(fixture, [.latePosting], dismissals: [dismissal]).allSatisfy { $0.isSetAsideNote })

        for index in fixture.snapshot.lines.indices where fixture.snapshot.lines[index].moveID == entry {
            let line = fixture.snapshot.lines[index]
            fixture.snapshot.lines[index].debit = line.debit.minorUnits > 0 ? CheckFixture.usd.money(1_500) : line.debit
            fixture.snapshot.lines[index].credit = line.credit.minorUnits > 0 ? CheckFixture.usd.money(1_500) : line.credit
        }
        let findings = Self.triage(fixture, [.latePosting], dismissals: [dismissal])
        #expect(findings.map { $0.records.map(\.id) } == [[entry]], "a new amount is a new question: shown again, and no note")
    }

    @Test func anExpiredOrWithdrawnDismissalHidesNothing() throws {
        var fixture = Self.fixture
        let entry = Self.late(&fixture, "MISC/2026/10/0101", created: "2026-11-20 10:00:00")
        let finding = try Self.finding(on: entry, fixture)
        let expired = try Self.dismissal(.record, of: finding, in: fixture, until: LocalDate(iso: "2026-11-04")!)   // the day before the check
        var withdrawn = try Self.dismissal(.kind, of: finding, in: fixture)
        withdrawn.withdrawnBy = "carol"
        withdrawn.withdrawnAt = "2026-11-05T11:00:00Z"
        let onItsLastDay = try Self.dismissal(.record, of: finding, in: fixture, until: CheckFixture.asOf)
        #expect(Self.triage(fixture, [.latePosting], dismissals: [expired, withdrawn]).map { $0.records.map(\.id) } == [[entry]])
        #expect(Self.triage(fixture, [.latePosting], dismissals: [onItsLastDay]).allSatisfy { $0.isSetAsideNote })
    }

    @Test func aPartnerDismissalHidesTheChecksFindingsOnThatPartnerOnly() throws {
        var fixture = Self.fixture
        let acme = (1...3).map { Self.late(&fixture, "MISC/2026/10/010\($0)", created: "2026-11-2\($0) 10:00:00") }
        let bolt = Self.late(&fixture, "MISC/2026/10/0201", created: "2026-11-25 10:00:00", partner: Self.bolt)
        let nobody = Self.late(&fixture, "MISC/2026/10/0301", created: "2026-11-26 10:00:00", partner: nil)
        let dismissal = try Self.dismissal(.partner, of: try Self.finding(on: acme[0], fixture), in: fixture, reason: "bulk import confirmed")
        #expect(dismissal.scope == .partner(id: 1, name: "Acme"))

        let findings = Self.triage(fixture, [.latePosting], dismissals: [dismissal])
        #expect(Set(findings.filter { !$0.isSetAsideNote }.map { $0.records[0].id }) == [bolt, nobody])
        let note = try #require(findings.last)
        #expect(note.message.hasPrefix("3 findings of late-posting set aside by carol until 2026-12-31 (partner Acme): bulk import confirmed"))
        #expect(Set(note.records.dropLast().map(\.id)) == Set(acme))
        // Another check's findings on the partner are not this dismissal's business.
        #expect(Self.triage(fixture, [.missingAnalytic], dismissals: [dismissal]).allSatisfy { !$0.isSetAsideNote })
        // A finding on no partner cannot be dismissed by partner.
        #expect(throws: DismissalError.noCommon(.partner, names: [])) {
            _ = try Self.dismissal(.partner, of: try Self.finding(on: nobody, fixture), in: fixture)
        }
    }

    @Test func anAccountDismissalHidesLinesOnThatAccountAndTheAccountsOwnFindings() throws {
        var fixture = Self.fixture
        let travel = (1...2).map { Self.late(&fixture, "MISC/2026/10/010\($0)", created: "2026-11-2\($0) 10:00:00") }
        let meals = Self.late(&fixture, "MISC/2026/10/0201", created: "2026-11-25 10:00:00", account: Self.meals)
        let line = try #require(fixture.snapshot.lines.first { $0.moveID == travel[0] && $0.accountID == Acc.travel })
        let dismissal = try Self.dismissal(.account, of: try Self.finding(on: line.id, fixture, .missingAnalytic), in: fixture)
        #expect(dismissal.scope == .account(id: Acc.travel, name: "627000 Travel"))

        let findings = Self.triage(fixture, [.missingAnalytic], dismissals: [dismissal])
        let shown = findings.filter { !$0.isSetAsideNote }.map { $0.records[0].id }
        #expect(shown == fixture.snapshot.lines.filter { $0.moveID == meals && $0.accountID == Self.meals }.map(\.id))
        #expect(findings.last?.message.contains("2 findings of missing-analytic set aside by carol until 2026-12-31 (account 627000 Travel)") == true)
        // An entry is on every account its lines are: all late entries touch the bank, only two touch travel.
        let byEntry = Dismissal(id: 2, checkID: "late-posting", scope: dismissal.scope, reason: "known", until: Self.until, decidedBy: "carol", decidedAt: "")
        #expect(Set(Self.triage(fixture, [.latePosting], dismissals: [byEntry]).filter { !$0.isSetAsideNote }.map { $0.records[0].id }) == [meals])
        let account = FindingRecord(model: "account.account", id: Acc.travel, name: "627000 Travel")
        let onAccount = Finding(checkID: "late-posting", severity: .warning, period: CheckFixture.period, company: fixture.context.companyRecord,
                                records: [account], message: "on the account")
        let context = fixture.context
        #expect(FindingTriage.apply([onAccount], context: context, rules: TriageRules(), dismissals: [byEntry]).allSatisfy { $0.isSetAsideNote })
    }

    @Test func aKindDismissalHidesTheWholeCheckAndNeedsAnExpiryWithinTheRuleSetsLimit() throws {
        var fixture = Self.fixture
        let entries = [Self.late(&fixture, "MISC/2026/10/0101", created: "2026-11-20 10:00:00"),
                       Self.late(&fixture, "MISC/2026/10/0201", created: "2026-11-25 10:00:00", partner: Self.bolt)]
        let dismissal = try Self.dismissal(.kind, of: try Self.finding(on: entries[0], fixture), in: fixture)
        let findings = Self.triage(fixture, [.latePosting], dismissals: [dismissal])
        #expect(findings.count == 1 && findings[0].message.hasPrefix("2 findings of late-posting set aside by carol until 2026-12-31 (the whole check)"))

        let asOf = CheckFixture.asOf
        #expect(throws: DismissalError.expiryRequired(checkID: "late-posting")) {
            try Dismissal.checked(reason: "known", until: nil, scope: .kind, checkID: "late-posting", asOf: asOf, maxDays: 365)
        }
        #expect(throws: DismissalError.expiryTooFar(LocalDate(iso: "2026-12-06")!, latest: LocalDate(iso: "2026-12-05")!, maxDays: 30)) {
            try Dismissal.checked(reason: "known", until: LocalDate(iso: "2026-12-06")!, scope: .record, checkID: "late-posting", asOf: asOf, maxDays: 30)
        }
        #expect(throws: DismissalError.reasonRequired) {
            try Dismissal.checked(reason: "  \n", until: nil, scope: .record, checkID: "late-posting", asOf: asOf, maxDays: 30)
        }
        #expect(try Dismissal.checked(reason: " known ", until: nil, scope: .record, checkID: "late-posting", asOf: asOf, maxDays: 30) == "known")
    }

    @Test func aGroupsRecordDismissalHidesTheGroupUntilARecordJoinsIt() throws {
        var fixture = Self.fixture
        for index in 1...6 { Self.late(&fixture, "MISC/2026/10/01\(index)", created: "2026-12-04 09:0\(index):00") }
        for index in fixture.snapshot.moves.indices { fixture.snapshot.moves[index].audit.createdBy = FindingTriageTests.admin }
        let group = try #require(Self.triage(fixture, [.latePosting], dismissals: []).first { $0.records.count == 6 })
        let dismissal = try Self.dismissal(.record, of: group, in: fixture, reason: "bulk import confirmed")

        let findings = Self.triage(fixture, [.latePosting], dismissals: [dismissal])
        #expect(findings.count == 1)
        #expect(findings[0].message.hasPrefix("6 findings of late-posting set aside by carol until 2026-12-31 (these 6 records)"))
        #expect(findings[0].records.count == 7)

        Self.late(&fixture, "MISC/2026/10/0107", created: "2026-12-04 09:07:00")
        fixture.snapshot.moves[fixture.snapshot.moves.count - 1].audit.createdBy = FindingTriageTests.admin
        let grown = Self.triage(fixture, [.latePosting], dismissals: [dismissal])
        #expect(grown.count == 1 && grown[0].records.count == 7 && !grown[0].isSetAsideNote, "a seventh entry is a new question for the group")
    }

    @Test func aBlockingFindingIsHiddenOnlyByADismissalOfItsOwnRecord() throws {
        var fixture = Self.fixture
        let drafts = (1...2).map { fixture.add("/", "2026-10-2\($0)", state: .draft, [L(account: Acc.travel, amount: 300, partner: 1),
                                                                                         L(account: Acc.payable, amount: -300, partner: 1)]) }
        let first = try Self.finding(on: drafts[0], fixture, .draftInPeriod)
        let kind = try Self.dismissal(.kind, of: first, in: fixture)
        let partner = try Self.dismissal(.partner, of: first, in: fixture, id: 2)
        for broad in [kind, partner] {
            let findings = Self.triage(fixture, [.draftInPeriod], dismissals: [broad])
            #expect(findings.filter { $0.severity == .blocking }.count == 2)
            #expect(findings.last?.message.hasPrefix("Nothing of draft-in-period set aside by the dismissal of carol until 2026-12-31") == true)
            #expect(findings.last?.message.contains("2 blocking findings it covers stay listed: only a dismissal of the record itself hides what blocks the close") == true)
        }
        let record = try Self.dismissal(.record, of: first, in: fixture, id: 3)
        let findings = Self.triage(fixture, [.draftInPeriod], dismissals: [kind, record])
        #expect(findings.filter { $0.severity == .blocking }.map { $0.records[0].id } == [drafts[1]])
        #expect(findings.filter(\.isSetAsideNote).count == 2, "the record's note and the kind's, which kept the other draft")
    }

    // MARK: Risk from history

    @Test func aKindDismissedTenTimesRanksBelowOneNeverDismissed() throws {
        var fixture = Self.fixture
        // One late entry without analytic: a late-posting and a missing-analytic finding of the same amount; missing-analytic
        // first, as it names one account's line (the larger share of an account breaks the tie).
        Self.late(&fixture, "MISC/2026/10/0101", created: "2026-11-20 10:00:00")
        let plain = Self.triage(fixture, [.latePosting, .missingAnalytic], dismissals: [])
        #expect(plain.map(\.checkID) == ["missing-analytic", "late-posting"])
        #expect(plain.allSatisfy { $0.ranking?.riskReason == nil })

        let history = FindingRiskInput(history: ["missing-analytic": CheckDecisions(dismissed: 10), "late-posting": CheckDecisions()])
        let learned = Self.triage(fixture, [.latePosting, .missingAnalytic], dismissals: [], risk: history)
        #expect(learned.map(\.checkID) == ["late-posting", "missing-analytic"])
        let dismissed = try #require(learned.last?.ranking)
        #expect(dismissed.risk < plain[0].ranking!.risk)
        #expect(dismissed.riskReason == "dismissed 10 times and a real problem 0 times here before: risk × 0.58")
        #expect(learned.first?.ranking?.riskReason == nil, "a kind without decisions has no history to explain")
    }

    @Test func theHistorysWeightIsALaplaceSmoothedShareBetweenAHalfAndOneAndAHalf() {
        #expect(CheckDecisions().riskWeight == 1)
        #expect(CheckDecisions(dismissed: 10).riskWeight < CheckDecisions(dismissed: 2).riskWeight)
        #expect(CheckDecisions(confirmed: 3).riskWeight == 1.3)
        #expect(CheckDecisions(dismissed: 1_000).riskWeight > 0.5 && CheckDecisions(confirmed: 1_000).riskWeight < 1.5)
        #expect(CheckDecisions(dismissed: 1, confirmed: 1).riskWeight == 1)
        #expect(CheckDecisions(confirmed: 1).reason == "dismissed 0 times and a real problem once here before: risk × 1.17")
    }
}
