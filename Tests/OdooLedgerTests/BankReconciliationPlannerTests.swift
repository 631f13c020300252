@testable import OdooLedger
import Testing
import Ledger

/// The decision for one approved bank match, on hand-made Odoo states: no Odoo needed.
struct BankReconciliationPlannerTests {
    typealias F = BankReconciliationFixture

    func planOf(_ decision: BankReconciliationDecision, sourceLocation: SourceLocation = #_sourceLocation) -> BankReconciliationPlan? {
        if case .apply(let plan) = decision { return plan }
        Issue.record("expected a plan, got \(decision)", sourceLocation: sourceLocation)
        return nil
    }

    func refusal(_ decision: BankReconciliationDecision, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if case .refuse(let reason) = decision { return reason }
        Issue.record("expected a refusal, got \(decision)", sourceLocation: sourceLocation)
        return ""
    }

    @Test func oneInvoiceTurnsTheSuspenseItemIntoTheReceivableCounterpart() throws {
        let line = F.statementLine(1, cents: 100_00)
        let invoice = F.item(500, move: 50, account: F.receivable, cents: 100_00)
        let plan = try #require(planOf(BankReconciliationPlanner.decide(F.match(1, [500]), facts: F.facts(line, items: [invoice]))))
        #expect(plan.rewrites.count == 1)
        let rewrite = plan.rewrites[0]
        #expect(rewrite.suspenseLineID == 11)
        #expect(rewrite.lines.count == 1)
        #expect(rewrite.lines[0].accountID == F.receivable)
        #expect(rewrite.lines[0].partnerID == 9)
        #expect(rewrite.lines[0].amountCurrency.minorUnits == -100_00)
        #expect(rewrite.lines[0].balance.minorUnits == -100_00)
        #expect(plan.reconcileGroups == [[.planned(rewrite: 0, line: 0), .existing(500)]])
    }

    @Test func oneReceiptPaysSeveralInvoicesInFull() throws {
        let line = F.statementLine(1, cents: 150_00)
        let items = [F.item(500, move: 50, account: F.receivable, cents: 100_00), F.item(501, move: 51, account: F.receivable, cents: 50_00)]
        let plan = try #require(planOf(BankReconciliationPlanner.decide(F.match(1, [500, 501]), facts: F.facts(line, items: items))))
        #expect(plan.rewrites[0].lines.map(\.amountCurrency.minorUnits) == [-100_00, -50_00])
        #expect(plan.reconcileGroups.count == 2)
        #expect(plan.reconcileGroups[1] == [.planned(rewrite: 0, line: 1), .existing(501)])
    }

    @Test func aPartialPaymentLeavesTheLastItemPartlyOpen() throws {
        #expect(BankReconciliationPlanner.allocate(total: 120, open: [100, 50]) == .success([100, 20]))
        #expect(BankReconciliationPlanner.allocate(total: -30, open: [-100]) == .success([-30]))
        #expect(BankReconciliationPlanner.allocate(total: 100, open: [100, 50]) == .failure(.unused(index: 1)))
        #expect(BankReconciliationPlanner.allocate(total: 200, open: [100, 50]) == .failure(.overpaid(excess: 50)))
        #expect(BankReconciliationPlanner.allocate(total: 100, open: [-100]) == .failure(.wrongDirection))
        #expect(BankReconciliationPlanner.allocate(total: 70, open: [100, -20]) == .failure(.mixedNotExact))
        #expect(BankReconciliationPlanner.allocate(total: 80, open: [100, -20]) == .success([100, -20]))

        let line = F.statementLine(1, cents: 40_00)
        let invoice = F.item(500, move: 50, account: F.receivable, cents: 100_00)
        let plan = try #require(planOf(BankReconciliationPlanner.decide(F.match(1, [500]), facts: F.facts(line, items: [invoice]))))
        #expect(plan.rewrites[0].lines.map(\.amountCurrency.minorUnits) == [-40_00])
    }

    @Test func aBankFeeIsBookedSoTheEntryBalances() throws {
        // The customer paid 99.00 on an invoice of 100.00; the bank kept 1.00.
        let line = F.statementLine(1, cents: 99_00)
        let invoice = F.item(500, move: 50, account: F.receivable, cents: 100_00)
        let plan = try #require(planOf(BankReconciliationPlanner.decide(F.match(1, [500], writeOff: 1_00), facts: F.facts(line, items: [invoice]))))
        let lines = plan.rewrites[0].lines
        #expect(lines.map(\.amountCurrency.minorUnits) == [-100_00, 1_00])
        #expect(lines.map(\.balance.minorUnits) == [-100_00, 1_00])
        #expect(lines[1].role == .writeOff && lines[1].accountID == F.fees && lines[1].label == "Bank fee")
        #expect(lines.map(\.balance.minorUnits).reduce(0, +) == -99_00)

        // A vendor paid 101.00 on a bill of 100.00 with a 1.00 fee: the fee is an expense too.
        let payment = F.statementLine(2, cents: -101_00)
        let bill = F.item(600, move: 60, account: F.payable, cents: -100_00)
        let billPlan = try #require(planOf(BankReconciliationPlanner.decide(F.match(2, [600], writeOff: 1_00), facts: F.facts(payment, items: [bill]))))
        #expect(billPlan.rewrites[0].lines.map(\.amountCurrency.minorUnits) == [100_00, 1_00])
    }

    @Test func aLineWithoutOpenItemsIsBookedWhollyToItsAccount() throws {
        // The bank's monthly fee of 25.00: the suspense item becomes the fee expense, nothing to reconcile.
        let fee = F.statementLine(3, cents: -25_00)
        let plan = try #require(planOf(BankReconciliationPlanner.decide(F.match(3, [], writeOff: 25_00), facts: F.facts(fee, items: []))))
        #expect(plan.rewrites.count == 1 && plan.rewrites[0].lines.count == 1)
        #expect(plan.rewrites[0].lines[0].role == .writeOff && plan.rewrites[0].lines[0].accountID == F.fees)
        #expect(plan.rewrites[0].lines[0].balance.minorUnits == 25_00)
        // An amount that does not clear the line leaves suspense behind: refused.
        #expect(refusal(BankReconciliationPlanner.decide(F.match(3, [], writeOff: 20_00), facts: F.facts(fee, items: []))).contains("more than its open items"))
    }

    @Test func aForeignCurrencyLineUsesTheStatementLinesOwnRate() throws {
        // 1,000.00 EUR received, booked at 1,080.00 USD; three items share the balance to the cent.
        #expect(BankReconciliationPlanner.companyBalances(for: [-333_33, -333_33, -333_34], suspenseBalance: -1080_00, suspenseAmount: -1000_00)
                == [-360_00, -360_00, -360_00])
        #expect(BankReconciliationPlanner.companyBalances(for: [100_00, 1_00], suspenseBalance: 77_92, suspenseAmount: 101_00) == [77_15, 77])
        let line = F.statementLine(1, cents: 100_00, currency: F.eur, companyCents: 108_00)
        let invoice = F.item(500, move: 50, account: F.receivable, cents: 100_00, currency: F.eur, companyCents: 128_34)
        let plan = try #require(planOf(BankReconciliationPlanner.decide(F.match(1, [500]), facts: F.facts(line, items: [invoice]))))
        #expect(plan.rewrites[0].lines[0].amountCurrency == F.eur.money(-100_00))
        #expect(plan.rewrites[0].lines[0].balance == F.usd.money(-108_00))
        #expect(plan.rewrites[0].lines[0].currencyID == F.eur.id)
    }

    @Test func anInternalTransferRewritesBothStatementLines() throws {
        let outgoing = F.statementLine(1, cents: -500_00)
        let incoming = F.statementLine(2, cents: 500_00)
        let plan = try #require(planOf(BankReconciliationPlanner.decide(
            F.match(1, [21]), facts: F.facts(outgoing, items: [incoming.lines[1]], transfers: [incoming]))))
        #expect(plan.rewrites.count == 2)
        #expect(plan.rewrites[0].lines.map(\.accountID) == [F.transfer])
        #expect(plan.rewrites[0].lines[0].amountCurrency.minorUnits == 500_00)
        #expect(plan.rewrites[1].suspenseLineID == 21 && plan.rewrites[1].lines[0].accountID == F.transfer)
        #expect(plan.rewrites[1].lines[0].amountCurrency.minorUnits == -500_00)
        #expect(plan.reconcileGroups == [[.planned(rewrite: 0, line: 0), .planned(rewrite: 1, line: 0)]])

        let short = F.statementLine(3, cents: -499_00)
        let reason = refusal(BankReconciliationPlanner.decide(F.match(3, [21]), facts: F.facts(short, items: [incoming.lines[1]], transfers: [incoming])))
        #expect(reason.contains("do not offset") && reason.contains("write-off"))
    }

    // MARK: - Refusals, before any write

    @Test func refusesAStatementLineInALockedPeriod() {
        var company = F.company
        company.lockDate = F.date(30)
        company.lockName = "fiscal year lock"
        let reason = refusal(BankReconciliationPlanner.decide(
            F.match(1, [500]), facts: F.facts(F.statementLine(1, cents: 100_00), items: [F.item(500, move: 50, account: F.receivable, cents: 100_00)],
                                              company: company)))
        #expect(reason.contains("BNK1/2025/1") && reason.contains("2025-06-30") && reason.contains("fiscal year lock"))
    }

    @Test func refusesOpenItemsThatAreAlreadyReconciled() {
        let paid = F.item(500, move: 50, account: F.receivable, cents: 100_00, residual: 0, reconciled: true)
        let reason = refusal(BankReconciliationPlanner.decide(F.match(1, [500]), facts: F.facts(F.statementLine(1, cents: 100_00), items: [paid])))
        #expect(reason.contains("already fully reconciled") && reason.contains("MOVE/50") && reason.contains("A1"))
    }

    @Test func refusesMixingReceivablesAndPayables() {
        let items = [F.item(500, move: 50, account: F.receivable, cents: 100_00), F.item(600, move: 60, account: F.payable, cents: -40_00)]
        let reason = refusal(BankReconciliationPlanner.decide(F.match(1, [500, 600]), facts: F.facts(F.statementLine(1, cents: 60_00), items: items)))
        #expect(reason.contains("mixes payable and receivable items"))
    }

    @Test func refusesWhatCannotBeMatched() {
        let line = F.statementLine(1, cents: 100_00)
        let invoice = F.item(500, move: 50, account: F.receivable, cents: 100_00)
        let cases: [(BankReconciliation, [JournalItemFacts], String)] = [
            (F.match(1, []), [], "names no open item"),
            (F.match(1, [500, 500]), [invoice], "twice"),
            (F.match(1, [999]), [invoice], "no longer exists"),
            (F.match(1, [11]), [line.lines[1]], "its own"),
            (F.match(1, [500]), [F.item(500, move: 50, account: F.receivable, cents: 100_00, state: "draft")], "not posted"),
            (F.match(1, [500]), [F.item(500, move: 50, account: F.receivable, cents: 60_00)], "more than its open items"),
            (F.match(1, [500]), [F.item(500, move: 50, account: F.receivable, cents: -100_00)], "other direction"),
            (F.match(1, [500]), [F.item(500, move: 50, account: F.receivable, cents: 100_00, currency: F.eur)], "in EUR"),
            (F.match(1, [500], writeOff: 1_00, currency: .eur), [invoice], "statement line's currency"),
            (F.match(1, [500]), [F.item(500, move: 50, account: F.fees, cents: 100_00)], "does not allow reconciliation"),
        ]
        for (match, items, expected) in cases {
            let reason = refusal(BankReconciliationPlanner.decide(match, facts: F.facts(line, items: items)))
            #expect(reason.contains(expected), "\(expected): \(reason)")
            #expect(reason.contains("BNK1/2025/1") || reason.contains("MOVE/50"), "names the record: \(reason)")
        }
        var noAccount = F.match(1, [500], writeOff: 1_00)
        noAccount.writeOffAccountID = nil
        #expect(refusal(BankReconciliationPlanner.decide(noAccount, facts: F.facts(line, items: [invoice]))).contains("has no account"))
    }

    @Test func refusesAStatementLineThatIsDraftOrPartlyMatched() {
        var draft = F.statementLine(1, cents: 100_00)
        draft.moveState = "draft"
        let invoice = F.item(500, move: 50, account: F.receivable, cents: 100_00)
        #expect(refusal(BankReconciliationPlanner.decide(F.match(1, [500]), facts: F.facts(draft, items: [invoice]))).contains("post it in Odoo"))
        let partly = F.statementLine(1, cents: 100_00, extraLines: [F.item(12, move: 1001, account: F.receivable, cents: -30_00, statementLine: 1)])
        #expect(refusal(BankReconciliationPlanner.decide(F.match(1, [500]), facts: F.facts(partly, items: [invoice]))).contains("partly matched"))
    }

    // MARK: - Already matched, and finishing an interrupted run

    @Test func aStatementLineWithoutSuspenseIsAlreadyReconciled() {
        let counterpart = F.item(12, move: 1001, account: F.receivable, cents: -100_00, residual: 0, reconciled: true, statementLine: 1)
        let line = F.statementLine(1, cents: 100_00, extraLines: [counterpart], withSuspense: false)
        let paid = F.item(500, move: 50, account: F.receivable, cents: 100_00, residual: 0, reconciled: true)
        #expect(BankReconciliationPlanner.decide(F.match(1, [500]), facts: F.facts(line, items: [paid])) == .alreadyReconciled)
    }

    @Test func anInterruptedRunIsFinishedWithoutRewritingAgain() {
        let counterpart = F.item(12, move: 1001, account: F.receivable, cents: -100_00, statementLine: 1)
        let line = F.statementLine(1, cents: 100_00, extraLines: [counterpart], withSuspense: false)
        let invoice = F.item(500, move: 50, account: F.receivable, cents: 100_00)
        let decision = BankReconciliationPlanner.decide(F.match(1, [500]), facts: F.facts(line, items: [invoice]))
        #expect(decision == .finish(BankReconciliationPlan(rewrites: [], reconcileGroups: [[.existing(12), .existing(500)]])))
    }
}
