import Adjustments
import Ledger
import Testing

@Suite struct LockDateGuardTests {
    let day = { (text: String) in LocalDate(iso: text)! }

    @Test func refusesDatesOnOrBeforeTheLocksThatApply() throws {
        let guardian = LockDateGuard(lockDates: LockDates(fiscalYear: day("2026-06-30"), sale: day("2026-09-30"), hard: day("2026-03-31")))
        let refusal = try #require(guardian.refusal(date: day("2026-06-30"), journalType: .general))
        #expect(refusal.contains("fiscal year lock date (2026-06-30)"))
        #expect(guardian.refusal(date: day("2026-07-01"), journalType: .general) == nil)
        #expect(guardian.refusal(date: day("2026-02-01"), journalType: .general)?.contains("hard lock date") == true)
        // The sales lock covers sale journals only.
        #expect(guardian.refusal(date: day("2026-08-31"), journalType: .sale)?.contains("sales lock date") == true)
        #expect(guardian.refusal(date: day("2026-08-31"), journalType: .purchase) == nil)
    }

    @Test func theTaxLockCoversOnlyEntriesWithTaxes() {
        let guardian = LockDateGuard(lockDates: LockDates(tax: day("2026-09-30")))
        #expect(guardian.refusal(date: day("2026-09-15"), journalType: .general, hasTaxes: false) == nil)
        #expect(guardian.refusal(date: day("2026-09-15"), journalType: .general, hasTaxes: true)?.contains("tax lock date") == true)
    }
}

@Suite struct ProposedEntryTests {
    @Test func reversalNegatesEveryLineOnItsDate() throws {
        let usd = Currency(id: 1, code: .usd)
        let entry = ProposedEntry(journalID: 3, date: LocalDate(iso: "2026-10-31")!, ref: "Accrual", lines: [
            ProposedLine(accountID: 22, partnerID: 7, label: "Utilities", amount: usd.money(120_000)),
            ProposedLine(accountID: 12, partnerID: 7, label: "Utilities", amount: usd.money(-120_000)),
        ], reversalDate: LocalDate(iso: "2026-11-01")!)
        #expect(entry.isBalanced)
        #expect(entry.total == usd.money(120_000))
        let reversal = try #require(entry.reversal)
        #expect(reversal.date == LocalDate(iso: "2026-11-01")!)
        #expect(reversal.lines.map(\.amount) == [usd.money(-120_000), usd.money(120_000)])
        #expect(reversal.reversal == nil)
    }

    @Test func idempotencyKeyIsStableAndSafeInAnOdooSearch() throws {
        let usd = Currency(id: 1, code: .usd)
        let proposal = AdjustmentProposal(
            kind: .accrual, company: RecordRef(model: "res.company", id: 1, name: "Demo"), period: try Period(parsing: "2026-10"),
            subject: "partner_12/account 22%", entry: ProposedEntry(journalID: 3, date: LocalDate(iso: "2026-10-31")!, ref: "x", lines: [
                ProposedLine(accountID: 22, label: "x", amount: usd.money(1)),
            ]), calculation: [], evidence: [], confidence: 0.9, reason: "")
        #expect(proposal.idempotencyKey == "closer.accrual.c1.2026-10.partner-12-account-22-")
    }
}
