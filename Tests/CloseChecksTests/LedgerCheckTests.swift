@testable import CloseChecks
import DemoCompany
import Ledger
import Testing

/// bank-balance-mismatch and subledger-control-mismatch on small ledgers, and silence on the demo company.
@Suite struct LedgerCheckTests {
    typealias L = CheckFixture.L
    typealias Acc = CheckFixture.Acc
    typealias Jnl = CheckFixture.Jnl
    static let usd = CheckFixture.usd

    /// The fixture with its bank journal pointing at the bank account, and two statement entries.
    static func bankFixture(statementAmounts: [Int64], ledgerAmounts: [Int64]) -> CheckFixture {
        var fixture = CheckFixture()
        fixture.snapshot.journals[3] = Journal(id: Jnl.bank, code: "BNK1", name: "Bank", type: .bank, defaultAccountID: Acc.bank)
        for (index, (statement, ledger)) in zip(statementAmounts, ledgerAmounts).enumerated() {
            let date = "2026-10-\(10 + index)"
            let move = fixture.add("BNK1/2026/0000\(index + 1)", date, journal: Jnl.bank,
                                   [L(account: Acc.bank, amount: ledger), L(account: Acc.suspense, amount: -ledger)])
            fixture.snapshot.statementLines.append(StatementLine(id: index + 1, moveID: move, journalID: Jnl.bank,
                                                                 date: LocalDate(iso: date)!, amount: usd.money(statement)))
        }
        // Bank lines outside statement entries (a payment) do not count.
        fixture.add("MISC/2026/10/0001", "2026-10-15", [L(account: Acc.bank, amount: 999), L(account: Acc.sales, amount: -999)])
        return fixture
    }

    @Test func bankAgreesWithItsStatement() {
        let fixture = Self.bankFixture(statementAmounts: [700, -250], ledgerAmounts: [700, -250])
        #expect(fixture.run("bank-balance-mismatch").isEmpty)
    }

    @Test func bankDisagreeingWithItsStatementIsBlocking() throws {
        let fixture = Self.bankFixture(statementAmounts: [700, -250], ledgerAmounts: [700, -205])
        let findings = fixture.run("bank-balance-mismatch")
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.severity == .blocking)
        #expect(finding.records == [FindingRecord(model: "account.journal", id: Jnl.bank, name: "Bank")])
        #expect(finding.message.contains("BNK1") && finding.message.contains("4.95") && finding.message.contains("4.50"))
        #expect(finding.evidence["ledger"] == "4.95" && finding.evidence["statement"] == "4.50" && finding.evidence["difference"] == "0.45")
    }

    @Test func statementLinesAfterThePeriodAndDraftEntriesAreHandled() {
        var fixture = Self.bankFixture(statementAmounts: [700], ledgerAmounts: [700])
        let later = fixture.add("BNK1/2026/00009", "2026-11-02", journal: Jnl.bank,
                                [L(account: Acc.bank, amount: 40), L(account: Acc.suspense, amount: -40)])
        fixture.snapshot.statementLines.append(StatementLine(id: 9, moveID: later, journalID: Jnl.bank, date: LocalDate(iso: "2026-11-02")!,
                                                             amount: Self.usd.money(45)))
        #expect(fixture.run("bank-balance-mismatch").isEmpty, "November is after the period end")
        let draft = fixture.add("BNK1/2026/00010", "2026-10-20", journal: Jnl.bank, state: .draft,
                                [L(account: Acc.bank, amount: 10), L(account: Acc.suspense, amount: -10)])
        fixture.snapshot.statementLines.append(StatementLine(id: 10, moveID: draft, journalID: Jnl.bank, date: LocalDate(iso: "2026-10-20")!,
                                                             amount: Self.usd.money(10)))
        #expect(fixture.run("bank-balance-mismatch").map(\.evidence["difference"]) == ["-0.10"], "a draft entry is not in the ledger")
    }

    /// Sets residuals as Odoo would: open lines carry their balance, matched ones what is left.
    static func setResidual(_ fixture: inout CheckFixture, move: Int, account: Int, _ cents: Int64) {
        for index in fixture.snapshot.lines.indices where fixture.snapshot.lines[index].moveID == move
            && fixture.snapshot.lines[index].accountID == account {
            fixture.snapshot.lines[index].amountResidual = usd.money(cents)
        }
    }

    @Test func openItemsThatAddUpGiveNoFinding() {
        var fixture = CheckFixture()
        let invoice = fixture.add("INV/2026/00001", "2026-10-02", journal: Jnl.sales,
                                  [L(account: Acc.receivable, amount: 1_100, partner: 1), L(account: Acc.sales, amount: -1_100)])
        let payment = fixture.add("BNK1/2026/00001", "2026-10-09", journal: Jnl.bank,
                                  [L(account: Acc.bank, amount: 600), L(account: Acc.receivable, amount: -600, partner: 1)])
        Self.setResidual(&fixture, move: invoice, account: Acc.receivable, 500)   // partly paid
        Self.setResidual(&fixture, move: payment, account: Acc.receivable, 0)
        let bill = fixture.add("BILL/2026/10/0001", "2026-10-03", journal: Jnl.purchases,
                               [L(account: Acc.travel, amount: 300), L(account: Acc.payable, amount: -300, partner: 1)])
        Self.setResidual(&fixture, move: bill, account: Acc.payable, -300)
        #expect(fixture.run("subledger-control-mismatch").isEmpty)
    }

    @Test func openItemsThatDoNotAddUpAreAWarningPerPartnerAndAccount() throws {
        var fixture = CheckFixture()
        fixture.snapshot.partners.append(Partner(id: 2, name: "Globex"))
        let invoice = fixture.add("INV/2026/00001", "2026-10-02", journal: Jnl.sales,
                                  [L(account: Acc.receivable, amount: 1_100, partner: 1), L(account: Acc.sales, amount: -1_100)])
        let payment = fixture.add("BNK1/2026/00001", "2026-10-09", journal: Jnl.bank,
                                  [L(account: Acc.bank, amount: 1_100), L(account: Acc.receivable, amount: -1_100, partner: 2)])
        // Acme's invoice was matched with Globex's payment: each partner's open items are now wrong.
        Self.setResidual(&fixture, move: invoice, account: Acc.receivable, 0)
        Self.setResidual(&fixture, move: payment, account: Acc.receivable, 0)
        let findings = fixture.run("subledger-control-mismatch")
        #expect(findings.map(\.records.first!.id) == [1, 2])
        #expect(findings.allSatisfy { $0.severity == .warning && $0.records.last?.model == "account.account" })
        let acme = try #require(findings.first)
        #expect(acme.message.contains("Acme") && acme.message.contains("121000"))
        #expect(acme.evidence["openItems"] == "0.00" && acme.evidence["balance"] == "11.00" && acme.evidence["difference"] == "-11.00")
        // A draft entry's lines are not part of the ledger.
        var drafty = CheckFixture()
        drafty.add("INV/2026/00002", "2026-10-02", journal: Jnl.sales, state: .draft,
                   [L(account: Acc.receivable, amount: 1_100, partner: 1), L(account: Acc.sales, amount: -1_100)])
        #expect(drafty.run("subledger-control-mismatch").isEmpty)
    }

    @Test func theDemoCompanyHasNeitherProblem() {
        let book = DemoCompanyCheckTests.book
        let truth = book.groundTruth
        let context = CheckContext(snapshot: book.snapshot, period: truth.period, asOf: truth.asOf)
        for id in ["bank-balance-mismatch", "subledger-control-mismatch"] {
            let findings = CheckRegistry.check(id: id)!.run(context)
            #expect(findings.isEmpty, "\(id): \(findings.prefix(5).map(\.message))")
            #expect(truth.problems(of: id).isEmpty)
        }
        #expect(book.snapshot.statementLines.count > 0)
    }
}
