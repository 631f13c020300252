@testable import CloseReports
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Ledger
import Receivables
import Testing
import DemoCompany
import CloseChecks
import BankMatching
import Adjustments

@Suite struct ClosePackageTests {
    static let asOf = LocalDate(iso: "2026-11-04")!
    /// A name a careless renderer would run as a script and a careless CSV writer would split.
    static let hostileName = "Sales, \"East\" <script>alert(1)</script>"

    /// The demo close with its planted unbalanced entry cancelled (so the books can foot), the sales account renamed to
    /// `hostileName`, and its checklist started.
    static func closedDemo() async throws -> (AppDatabase, SourceKey, Period, CheckReport) {
        let (store, key, period, checks) = try await ClosedDemo.make(asOf: asOf) { book in
            let balance = Dictionary(book.snapshot.lines.map { ($0.moveID, $0.debit.minorUnits - $0.credit.minorUnits) }, uniquingKeysWith: +)
            for index in book.snapshot.moves.indices where balance[book.snapshot.moves[index].id, default: 0] != 0 {
                book.snapshot.moves[index].state = .cancelled
            }
            if let sales = book.snapshot.accounts.firstIndex(where: { $0.code == "400000" }) { book.snapshot.accounts[sales].name = hostileName }
        }
        _ = try ChecklistService(store: store, actor: "alice").board(sourceKey: key, period: period, asOf: asOf)
        return (store, key, period, checks)
    }

    @Test func theStatementsFootAndEverySectionMatchesTheStore() async throws {
        let (store, key, period, checks) = try await Self.closedDemo()
        _ = try store.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "test")
        let accrual = try #require(try store.adjustments(sourceKey: key, period: period).first { $0.proposal.kind == .accrual })
        _ = try store.decideAdjustment(id: accrual.id, sourceKey: key, approved: true, actor: "bob", note: nil, policy: ApprovalPolicy())
        let eventsBefore = try store.auditEvents().count

        let package = try ClosePackageBuilder(store: store).build(sourceKey: key, period: period, asOf: Self.asOf)

        // Building is read-only: nothing recorded, nothing instantiated.
        #expect(try store.auditEvents().count == eventsBefore)
        // Trial balance: debits equal credits; both comparatives were pulled (12 months of history).
        let balances = package.trialBalance
        #expect(balances.current.isBalanced && balances.current.totalDebit.minorUnits > 0)
        #expect(balances.priorPeriod?.period == period.previous && balances.samePeriodLastYear?.period == period.advanced(by: -12))
        // Balance sheet: assets = liabilities + equity + current-year result + earlier years' result, in every column.
        let sheet = package.balanceSheet
        #expect(sheet.difference.columns.allSatisfy { $0?.isZero == true }, "\(sheet.difference)")
        #expect(sheet.assets.total.current == sheet.liabilities.total.current + sheet.equity.total.current
                + sheet.currentYearResult.current + sheet.earlierYearsResult.current)
        // P&L: the result is the trial balance's income − expense movement in the period.
        let profitAndLoss = balances.current.rows.filter(\.type.isProfitAndLoss).reduce(Int64(0)) { $0 + $1.credit.minorUnits - $1.debit.minorUnits }
        #expect(package.profitAndLoss.result.current.minorUnits == profitAndLoss && profitAndLoss != 0)
        #expect(package.profitAndLoss.income.rows.contains { $0.name == Self.hostileName })
        // Flux: the comparisons the pulled history backs (12 months: not year to date, whose base starts in January last year).
        #expect(package.flux.variances.contains { $0.comparison == .samePeriodLastYear })
        #expect(!package.flux.variances.contains { $0.comparison == .yearToDate })
        // Open findings are the latest check run's.
        let stored = try #require(try store.latestFindings(sourceKey: key, period: period))
        #expect(package.openFindings?.count == stored.count && stored.count == checks.findings.count)
        #expect(package.findingsBySeverity.map(\.count).reduce(0, +) == stored.count)
        // Reconciliation: every statement line of the period counted once; the waiting ones are the stored proposals.
        let reconciliation = package.reconciliation
        #expect(reconciliation.buckets.map(\.lines).reduce(0, +) == reconciliation.statementLines && reconciliation.statementLines > 0)
        let waiting = try store.matchProposals(sourceKey: key, statuses: [.proposed])
            .filter { period.contains($0.proposal.date) && $0.proposal.best != nil }.count
        #expect(reconciliation.bucket(.proposed).lines == waiting && waiting > 0)
        // Checklist as stored, with its sign-off by the automatic evaluation.
        #expect(package.checklist?.rows.count == 12)
        #expect(package.checklist?.row("ledger-pulled")?.task.completedBy == "alice")
        // Adjusting entries with who approved them, in which role.
        #expect(package.adjustments.count == (try store.adjustments(sourceKey: key, period: period).count))
        let approved = try #require(package.adjustments.first { $0.id == accrual.id })
        #expect(approved.approvals.map(\.login) == ["bob"] && approved.approvals.first?.role == .approver)
        // Audit excerpt: the period's events, from an intact chain.
        #expect(package.audit.verification.isIntact)
        #expect(package.audit.events.contains { $0.action == "checks.recorded" })
        #expect(package.audit.events.contains { $0.action == "adjustment.approval.recorded" || $0.action == "adjustment.approved" })
        #expect(package.audit.events.count < eventsBefore)
    }

    /// A line with only a proposal is not matched in Odoo: the headline once said "Bank lines unmatched 0 of 249"
    /// while 69 lines were only proposed. Its three numbers add up to the period's lines.
    @Test func theHeadlineCountsOnlyProposedBankLinesAsNotMatchedInOdoo() async throws {
        let (store, key, period, _) = try await Self.closedDemo()
        let reconciliation = try ClosePackageBuilder(store: store).build(sourceKey: key, period: period, asOf: Self.asOf).reconciliation
        let inOdoo = reconciliation.bucket(.matched).lines + reconciliation.bucket(.applied).lines
        let waiting = reconciliation.bucket(.proposed).lines + reconciliation.bucket(.approved).lines
        let nothing = reconciliation.bucket(.unmatched).lines
        #expect(waiting > 0 && inOdoo + waiting + nothing == reconciliation.statementLines)
        let html = ClosePackageHTML.render(try ClosePackageBuilder(store: store).build(sourceKey: key, period: period, asOf: Self.asOf))
        #expect(html.contains("Bank lines<br><b>\(inOdoo) of \(reconciliation.statementLines) matched in Odoo; "
                              + "\(waiting) proposed, \(nothing) with nothing</b>"))
    }

    @Test func theDocumentsAreSelfContainedEscapedQuotedAndRoundTrip() async throws {
        let (store, key, period, _) = try await Self.closedDemo()
        let package = try ClosePackageBuilder(store: store).build(sourceKey: key, period: period, asOf: Self.asOf)
        let documents = try package.documents()
        #expect(Set(documents.keys) == ["close-package.html", "close-package.json", "trial-balance.csv", "balance-sheet.csv", "profit-and-loss.csv",
                                        "flux.csv", "reconciliation.csv", "open-findings.csv", "checklist.csv", "adjustments.csv", "accounts-payable.csv", "audit-excerpt.csv",
                                        "audit-checkpoint.csv", "accounts-receivable.csv", "accounts-receivable-customers.csv"])
        // The receivables section: the months up to the period, the period's measures last, in the CSV as in the HTML.
        let receivables = try #require(package.receivables.headline)
        #expect(package.receivables.months.last?.period == period && receivables.dsoDays != nil)
        #expect(try #require(documents["accounts-receivable.csv"]).contains("\(period),\(receivables.asOf),\(receivables.openingReceivables.decimalText),"))
        #expect(try #require(documents["close-package.html"]).contains("Accounts receivable: DSO \(receivables.dsoDays!) days"))

        let html = try #require(documents["close-package.html"])
        #expect(html.components(separatedBy: "<svg").count - 1 >= 3)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src=") && !html.contains("href="))

        let csv = try #require(documents["trial-balance.csv"])
        #expect(csv.hasPrefix("account_code,account_name,account_type,opening,debit,credit,closing,prior_period_closing,same_period_last_year_closing\r\n"))
        #expect(csv.contains("400000,\"Sales, \"\"East\"\" <script>alert(1)</script>\",income,"))
        // Amounts are exact decimals, the totals the trial balance's.
        #expect(csv.contains(",\(package.trialBalance.current.totalDebit.decimalText),\(package.trialBalance.current.totalCredit.decimalText),"))

        let json = try #require(documents["close-package.json"])
        let decoded = try JSONDecoder().decode(ClosePackage.self, from: Data(json.utf8))
        #expect(try decoded.json() == json)
        #expect(decoded.profitAndLoss.result == package.profitAndLoss.result)
        #expect(try package.documents([.csv]).keys.allSatisfy { $0.hasSuffix(".csv") })
    }

    @Test func theLatestSignedCheckpointTravelsInEveryForm() async throws {
        let (store, key, period, _) = try await Self.closedDemo()
        let unanchored = try ClosePackageBuilder(store: store).build(sourceKey: key, period: period, asOf: Self.asOf).documents()
        #expect(unanchored["close-package.html"]?.contains("No signed checkpoint: the audit trail is not anchored") == true)
        let checkpoint = try #require(try store.recordAuditCheckpoint(signingWith: AuditSigningKey.generate(), actor: "closer-agent"))
        let documents = try ClosePackageBuilder(store: store).build(sourceKey: key, period: period, asOf: Self.asOf).documents()
        for name in ["close-package.html", "audit-checkpoint.csv"] {
            let text = try #require(documents[name])
            #expect(text.contains(checkpoint.headHash) && text.contains(checkpoint.signature) && text.contains(checkpoint.keyID), "\(name)")
        }
        let json = try JSONDecoder().decode(ClosePackage.self, from: Data(try #require(documents["close-package.json"]).utf8))
        #expect(json.audit.latestCheckpoint == checkpoint)
    }

    @Test func unbalancedBooksShowTheirDifferenceAndAnUnpulledPeriodSaysWhatToRun() async throws {
        // The plain demo keeps its planted entry whose debits exceed its credits by 10.00.
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        let package = try ClosePackageBuilder(store: store).build(sourceKey: key, period: period, asOf: Self.asOf)
        let current = package.trialBalance.current
        #expect(!current.isBalanced && package.balanceSheet.difference.current == current.totalDebit - current.totalCredit)
        #expect(package.balanceSheet.difference.current.decimalText == "10.00")
        #expect(package.balanceSheet.difference.priorPeriod?.isZero == true)
        #expect(ClosePackageHTML.render(package).contains("The balance sheet does not balance: difference 10.00"))

        let before = try Period(parsing: "2024-05")
        #expect(throws: StoreError.periodNotPulled(source: key, period: before, window: try #require(try store.pulledWindow(sourceKey: key)))) {
            try ClosePackageBuilder(store: store).build(sourceKey: key, period: before, asOf: Self.asOf)
        }
        #expect(StoreError.periodNotPulled(source: key, period: before, window: DateRange(period.start, period.end)).description
            .contains("run `closer pull --period 2024-05` first"))
        #expect(throws: StoreError.unknownCompany("odoo:nowhere")) {
            try ClosePackageBuilder(store: store).build(sourceKey: "odoo:nowhere", period: period, asOf: Self.asOf)
        }
    }
}
