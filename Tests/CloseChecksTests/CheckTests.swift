@testable import CloseChecks
import Foundation
import Ledger
import Testing

/// Each check on a clean ledger (no findings) and on one with its problem (exact findings).
@Suite struct CheckTests {
    typealias L = CheckFixture.L
    typealias Acc = CheckFixture.Acc
    typealias Jnl = CheckFixture.Jnl

    @Test func cleanLedgerHasNoFindings() {
        let findings = CheckRegistry.run(CheckFixture.clean.context)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func registryIdsAreUniqueAndStable() {
        #expect(CheckRegistry.all.map(\.id) == [
            "draft-in-period", "posted-after-lock", "unbalanced-entry", "line-debit-and-credit", "missing-partner-on-receivable-payable",
            "missing-analytic", "analytic-not-100", "tax-journal-mismatch", "missing-tax-on-income", "journal-without-entries", "unreconciled-statement-line",
            "suspense-not-zero", "clearing-not-zero", "sequence-gap", "sequence-duplicate", "future-dated-entry", "late-posting",
            "bank-balance-mismatch", "subledger-control-mismatch", "posted-entry-changed",
        ])
    }

    @Test func draftInPeriod() {
        var fixture = CheckFixture.clean
        let draft = fixture.simple("/", "2026-10-14", state: .draft)
        fixture.simple("/", "2026-11-02", state: .draft)   // next period: not this close's problem
        let findings = fixture.run("draft-in-period")
        #expect(findings == [Finding(checkID: "draft-in-period", severity: .blocking, period: CheckFixture.period,
                                     company: RecordRef(model: "res.company", id: 1, name: "Test Co"), records: [FindingRecord(model: "account.move", id: draft, name: "/")],
                                     message: "Draft entry / (MISC, 2026-10-14) is dated in 2026-10: post it or delete it before closing.",
                                     evidence: ["date": "2026-10-14", "journal": "MISC", "state": "draft"])])
    }

    @Test func postedAfterLock() {
        var fixture = CheckFixture.clean
        fixture.simple("MISC/2026/06/0001", "2026-06-30", created: "2026-06-30 23:59:59")   // created on the lock day: fine
        let late = fixture.simple("MISC/2026/06/0002", "2026-06-12", created: "2026-10-14 11:05:00")
        fixture.simple("MISC/2026/07/0001", "2026-07-01", created: "2026-10-14 11:05:00")   // after the lock: not locked
        let findings = fixture.run("posted-after-lock")
        #expect(findings.map(\.records.first!.id) == [late])
        #expect(findings.first?.severity == .blocking)
        #expect(findings.first?.evidence["lockDate"] == "2026-06-30")
        #expect(findings.first?.message.hasPrefix("Entry MISC/2026/06/0002 (MISC, 2026-06-12) was created on 2026-10-14, after the fiscal year lock date 2026-06-30") == true)
    }

    @Test func unbalancedEntry() {
        var fixture = CheckFixture.clean
        let bad = fixture.add("MISC/2026/10/0003", "2026-10-08", [L(account: Acc.bank, amount: 123_450), L(account: Acc.sales, amount: -122_450)])
        fixture.add("/", "2026-10-08", state: .draft, [L(account: Acc.bank, amount: 5)])   // drafts may be unbalanced
        let findings = fixture.run("unbalanced-entry")
        #expect(findings.map(\.records.first!.id) == [bad])
        #expect(findings.first?.evidence == ["debit": "1234.50", "credit": "1224.50", "difference": "10.00"])
        #expect(findings.first?.message.contains("debits exceed by 10.00 USD") == true)
    }

    @Test func lineDebitAndCredit() {
        var fixture = CheckFixture.clean
        fixture.add("MISC/2026/10/0003", "2026-10-09", [
            L(account: Acc.travel, amount: 10_000, analytic: CheckFixture.fullAnalytic, both: 5_000), L(account: Acc.outstanding, amount: -10_000)])
        let lineID = fixture.snapshot.lines[fixture.snapshot.lines.count - 2].id
        let findings = fixture.run("line-debit-and-credit")
        #expect(findings.map(\.records) == [[FindingRecord(model: "account.move.line", id: lineID, name: "MISC/2026/10/0003 L\(lineID)")]])
        #expect(findings.first?.evidence["debit"] == "150.00" && findings.first?.evidence["credit"] == "50.00")
    }

    @Test func missingPartnerOnReceivablePayable() {
        var fixture = CheckFixture.clean
        fixture.add("MISC/2026/10/0003", "2026-10-12", [L(account: Acc.receivable, amount: 650), L(account: Acc.sales, amount: -650)])
        let receivable = fixture.snapshot.lines.count - 1
        fixture.add("MISC/2026/09/0001", "2026-09-12", [L(account: Acc.payable, amount: -650), L(account: Acc.bank, amount: 650)])   // not in period
        let findings = fixture.run("missing-partner-on-receivable-payable")
        #expect(findings.map(\.records.first!.id) == [fixture.snapshot.lines[receivable - 1].id])
        #expect(findings.first?.severity == .blocking)
    }

    @Test func analyticChecks() {
        var fixture = CheckFixture.clean
        fixture.add("MISC/2026/10/0003", "2026-10-12", [
            L(account: Acc.travel, amount: 100),
            L(account: Acc.travel, amount: 100, analytic: AnalyticDistribution([.init(accountIDs: [1], percent: 50), .init(accountIDs: [2], percent: 40)])),
            L(account: Acc.travel, amount: 100, analytic: AnalyticDistribution([.init(accountIDs: [1], percent: Decimal(string: "33.34")!),
                                                                                  .init(accountIDs: [2], percent: Decimal(string: "66.66")!)])),
            L(account: Acc.bank, amount: -300)])
        let first = fixture.snapshot.lines[fixture.snapshot.lines.count - 4].id
        let missing = fixture.run("missing-analytic"), partial = fixture.run("analytic-not-100")
        #expect(missing.map(\.records.first!.id) == [first])
        #expect(missing.first?.severity == .warning)
        #expect(partial.map(\.records.first!.id) == [first + 1])
        #expect(partial.first?.evidence["totalPercent"] == "90")
    }

    @Test func taxJournalMismatch() {
        var fixture = CheckFixture.clean
        fixture.add("BILL/2026/10/0002", "2026-10-12", journal: Jnl.purchases, [
            L(account: Acc.travel, amount: 100, analytic: CheckFixture.fullAnalytic, taxes: [1]), L(account: Acc.payable, amount: -100, partner: 1)])
        let wrong = fixture.snapshot.lines.count - 2
        fixture.add("MISC/2026/10/0003", "2026-10-12", [L(account: Acc.bank, amount: 100, taxes: [1]), L(account: Acc.sales, amount: -100, taxes: [2])])
        let findings = fixture.run("tax-journal-mismatch")
        #expect(findings.map(\.records.first!.id) == [fixture.snapshot.lines[wrong].id])
        #expect(findings.first?.evidence["tax"] == "10% Sales Tax")
    }

    @Test func missingTaxOnIncome() {
        var fixture = CheckFixture.clean
        fixture.add("INV/2026/00002", "2026-10-12", journal: Jnl.sales, type: .customerInvoice, [
            L(account: Acc.receivable, amount: 1_000, partner: 1), L(account: Acc.sales, amount: -1_000)])
        let untaxed = fixture.snapshot.lines.count - 1
        fixture.add("INV/2026/00003", "2026-10-13", journal: Jnl.sales, type: .customerInvoice, [
            L(account: Acc.receivable, amount: 1_000, partner: 1), L(account: Acc.sales, amount: -1_000, taxes: [1])])
        fixture.add("MISC/2026/10/0009", "2026-10-14", [L(account: Acc.receivable, amount: 500, partner: 1), L(account: Acc.sales, amount: -500)])
        let findings = fixture.run("missing-tax-on-income")
        // Only the untaxed income line of the invoice: not the taxed one, not the receivable, not a manual entry.
        #expect(findings.map(\.records.first!.id) == [fixture.snapshot.lines[untaxed].id])
        #expect(findings.first?.message.contains("INV/2026/00002") == true && findings.first?.severity == .warning)
        fixture.rules.taxRequiredCodePrefixes = []
        #expect(fixture.run("missing-tax-on-income").isEmpty, "no prefixes in the rule set: no tax demanded")
    }

    @Test func journalWithoutEntries() {
        var fixture = CheckFixture.clean
        fixture.snapshot.journals.append(Journal(id: 7, code: "CSH1", name: "Petty Cash", type: .cash))
        fixture.simple("CSH1/2026/00001", "2026-09-30", journal: 7)
        fixture.simple("/", "2026-10-03", journal: 7, state: .draft)
        let findings = fixture.run("journal-without-entries")
        #expect(findings.map(\.records) == [[FindingRecord(model: "account.journal", id: 7, name: "Petty Cash")]])
        #expect(findings.first?.severity == .warning)
    }

    @Test func unreconciledStatementLinesAndSuspense() {
        var fixture = CheckFixture.clean
        let move = fixture.add("BNK1/2026/00002", "2026-10-20", journal: Jnl.bank, [L(account: Acc.bank, amount: 700), L(account: Acc.suspense, amount: -700)])
        let later = fixture.add("BNK1/2026/00003", "2026-11-02", journal: Jnl.bank, [L(account: Acc.bank, amount: 50), L(account: Acc.suspense, amount: -50)])
        fixture.snapshot.statementLines = [
            StatementLine(id: 1, moveID: move, journalID: Jnl.bank, date: LocalDate(iso: "2026-10-20")!, paymentRef: "ACME 123",
                          amount: CheckFixture.usd.money(700)),
            StatementLine(id: 2, moveID: later, journalID: Jnl.bank, date: LocalDate(iso: "2026-11-02")!, amount: CheckFixture.usd.money(50)),
            StatementLine(id: 3, moveID: 5, journalID: Jnl.bank, date: LocalDate(iso: "2026-10-07")!, amount: CheckFixture.usd.money(10),
                          isReconciled: true),
        ]
        let open = fixture.run("unreconciled-statement-line")
        #expect(open.map(\.records) == [[FindingRecord(model: "account.bank.statement.line", id: 1, name: "BNK1/2026/00002 ACME 123")]])
        let suspense = fixture.run("suspense-not-zero")
        #expect(suspense.map(\.records) == [[FindingRecord(model: "account.account", id: 4, name: "101404 Bank Suspense Account")]])
        #expect(suspense.first?.evidence["balance"] == "-7.00")   // the November line is after the period end
        #expect(fixture.run("clearing-not-zero").isEmpty)
        fixture.add("MISC/2026/10/0003", "2026-10-21", [L(account: Acc.outstanding, amount: 25), L(account: Acc.bank, amount: -25)])
        let clearing = fixture.run("clearing-not-zero")
        #expect(clearing.map(\.records.first!.id) == [Acc.outstanding])
        #expect(clearing.first?.severity == .advisory)
    }

    @Test func sequenceGapAndDuplicate() {
        var fixture = CheckFixture.clean
        let after = fixture.simple("MISC/2026/10/0004", "2026-10-15")
        fixture.simple("MISC/2026/09/0001", "2026-09-15")
        fixture.simple("MISC/2026/09/0003", "2026-09-16")   // a gap in a closed month's sequence: not this period's
        let duplicate = fixture.add("INV/2026/00001", "2026-10-20", journal: Jnl.sales, [
            L(account: Acc.receivable, amount: 100, partner: 1), L(account: Acc.sales, amount: -100)])
        fixture.simple("/", "2026-10-21", state: .draft)
        fixture.simple("/", "2026-10-22", state: .draft)
        let gaps = fixture.run("sequence-gap")
        #expect(gaps.map(\.records.first!.id) == [after])
        #expect(gaps.first?.evidence["missing"] == "MISC/2026/10/0003")
        #expect(gaps.first?.message.hasPrefix("MISC/2026/10/0003 is missing from the MISC sequence before MISC/2026/10/0004 (MISC, 2026-10-15)") == true)
        let duplicates = fixture.run("sequence-duplicate")
        #expect(duplicates.map { $0.records.map(\.id) } == [[1, duplicate]])
        #expect(duplicates.first?.severity == .blocking)
    }

    @Test func futureDatedAndLatePosting() {
        var fixture = CheckFixture.clean
        let typo = fixture.simple("MISC/2027/10/0001", "2027-10-15", created: "2026-10-28 15:00:00")
        fixture.simple("MISC/2026/11/0001", "2026-11-05", created: "2026-11-05 09:00:00")   // on the close date: fine
        let late = fixture.simple("MISC/2026/10/0003", "2026-10-29", created: "2026-11-03 10:00:00")
        fixture.simple("MISC/2026/10/0004", "2026-10-30", created: "2026-10-31 23:00:00")
        #expect(fixture.run("future-dated-entry").map(\.records.first!.id) == [typo])
        #expect(fixture.run("late-posting").map(\.records.first!.id) == [late])
        var graceful = fixture.context
        graceful = CheckContext(snapshot: graceful.snapshot, period: graceful.period, asOf: graceful.asOf,
                                rules: CheckRules(latePostingGraceDays: 3))
        #expect(CheckRegistry.check(id: "late-posting")!.run(graceful).isEmpty)
    }

    /// A company that keys in a fifth of each month's entries on the 2nd of the next learns 2 days of grace: an October
    /// entry keyed in on 2 November is its routine, one keyed in on the 5th is late, and says what the company usually takes.
    @Test func latePostingLearnsTheCompanysUsualLag() {
        var fixture = CheckFixture.clean
        for month in 1...9 {
            for index in 0..<10 {
                let date = LocalDate(year: 2026, month: month, day: 10 + index)!
                let created = index < 2 ? Period(containing: date).end.adding(days: 2) : date
                fixture.simple("MISC/2026/\(month)/\(index)", date.description, created: "\(created) 10:00:00")
            }
        }
        let routine = fixture.simple("MISC/2026/10/0101", "2026-10-29", created: "2026-11-02 10:00:00")
        let late = fixture.simple("MISC/2026/10/0102", "2026-10-30", created: "2026-11-05 09:00:00")
        let findings = fixture.run("late-posting")
        #expect(findings.map(\.records.first!.id) == [late])
        #expect(findings.first?.message.contains("after 2026-10 ended and after the 2 days the company usually takes (95 % of its 90 earlier entries") == true)
        #expect(findings.first?.evidence["learnedGraceDays"] == "2")
        // A rule set that fixes the grace days wins over the history; too little history teaches nothing.
        let fixed = CheckContext(snapshot: fixture.snapshot, period: fixture.context.period, asOf: fixture.context.asOf, rules: CheckRules(latePostingGraceDays: 0))
        #expect(Set(CheckRegistry.check(id: "late-posting")!.run(fixed).map(\.records.first!.id)) == [routine, late])
        #expect(routine != late)
    }

    @Test func findingsAreSortedAndCodable() throws {
        var fixture = CheckFixture.clean
        fixture.simple("/", "2026-10-14", state: .draft)
        fixture.simple("MISC/2027/10/0001", "2027-10-15")
        let findings = CheckRegistry.run(fixture.context)
        #expect(findings.map(\.checkID) == ["draft-in-period", "future-dated-entry"])
        let data = try JSONEncoder().encode(findings)
        #expect(String(decoding: data, as: UTF8.self).contains("\"severity\":\"blocking\""))
        #expect(try JSONDecoder().decode([Finding].self, from: data) == findings)
    }
}
