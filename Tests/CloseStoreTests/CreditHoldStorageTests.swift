import CloseStore
import Foundation
import Ledger
import Receivables
import Testing

/// Credit holds in the store: one open hold per customer, approval by someone other than the proposer, the
/// previous warning kept when the block is claimed, release after apply marks the block to lift, and every
/// step on the audit trail in order.
@Suite struct CreditHoldStorageTests {
    static let source: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 1)
    static let asOf = LocalDate(iso: "2026-10-31")!

    static func verdict(owing minor: Int64, limit: Int64 = 1_000_000) -> CreditVerdict {
        let eur = CurrencyCode("EUR")!
        let credit = CustomerCredit(customerID: 42, customerName: "Acme Retail", openItems: [OpenReceivable(dueDate: asOf, amount: Money(minorUnits: minor, currency: eur))],
                                    uninvoicedOrders: Money.zero(eur), limit: Money(minorUnits: limit, currency: eur))
        return CreditPolicy(rules: CreditRules()).judge(credit, asOf: asOf)
    }

    @Test func aCustomerHasOneOpenHoldAndARerunProposesNothingTwice() throws {
        let store = try AppDatabase.inMemory()
        let (hold, created) = try store.proposeCreditHold(Self.verdict(owing: 1_240_000), sourceKey: Self.source, actor: "carla")
        #expect(created && hold.status == .proposed && hold.exposure == "12400.00" && hold.limit == "10000.00")
        #expect(hold.reasons == ["owes 12,400.00 EUR against a limit of 10,000.00 EUR"])
        let (again, createdAgain) = try store.proposeCreditHold(Self.verdict(owing: 1_500_000), sourceKey: Self.source, actor: "carla")
        #expect(!createdAgain && again.id == hold.id && again.exposure == "12400.00")
        #expect(try store.creditHolds(statuses: CreditHoldStatus.open).count == 1)
    }

    @Test func theProposerCannotApproveAndRefusalsChangeNothing() throws {
        let store = try AppDatabase.inMemory()
        let hold = try store.proposeCreditHold(Self.verdict(owing: 1_240_000), sourceKey: Self.source, actor: "carla").hold
        #expect(throws: CreditHoldError.ownProposal(id: hold.id, actor: "Carla")) { try store.approveCreditHold(id: hold.id, actor: "Carla") }
        #expect(throws: CreditHoldError.noReason) { try store.rejectCreditHold(id: hold.id, reason: " ", actor: "erin") }
        #expect(throws: CreditHoldError.wrongStatus(id: hold.id, status: "proposed", step: "applied")) {
            try store.claimCreditHoldBlock(id: hold.id, previous: SaleWarning(level: SaleWarning.none, message: nil), actor: "erin")
        }
        #expect(throws: CreditHoldError.unknownHold(99)) { try store.approveCreditHold(id: 99, actor: "erin") }
        #expect(try store.creditHold(id: hold.id).status == .proposed)
        let rejected = try store.rejectCreditHold(id: hold.id, reason: "paid by wire today", actor: "erin")
        #expect(rejected.status == .rejected && rejected.closed?.by == "erin" && rejected.closed?.reason == "paid by wire today")
        #expect(try store.proposeCreditHold(Self.verdict(owing: 1_240_000), sourceKey: Self.source, actor: "carla").created,
                "a closed hold leaves room for a new proposal")
    }

    @Test func fromProposalToReleaseEachStepIsKeptAndAudited() throws {
        let store = try AppDatabase.inMemory()
        let hold = try store.proposeCreditHold(Self.verdict(owing: 1_240_000), sourceKey: Self.source, actor: "carla").hold
        let approved = try store.approveCreditHold(id: hold.id, actor: "erin")
        #expect(approved.status == .approved && approved.approved?.by == "erin")
        #expect(throws: CreditHoldError.self) { try store.markCreditHoldApplied(id: hold.id, actor: "erin") }
        let previous = SaleWarning(level: "warning", message: "Deliver only to the main warehouse")
        let claimed = try store.claimCreditHoldBlock(id: hold.id, previous: previous, actor: "erin")
        #expect(claimed.odooBlock == .claimed && claimed.previousWarning == previous)
        #expect(throws: CreditHoldError.self) { try store.rejectCreditHold(id: hold.id, reason: "no", actor: "erin") }
        let applied = try store.markCreditHoldApplied(id: hold.id, actor: "erin")
        #expect(applied.status == .applied && applied.odooBlock == .set && applied.applied?.by == "erin")
        let released = try store.releaseCreditHold(id: hold.id, reason: "back within policy", actor: "closer-agent")
        #expect(released.status == .released && released.odooBlock == .lifting && released.closed?.by == "closer-agent")
        let lifted = try store.markCreditHoldLifted(id: hold.id, restored: true, actor: "closer-agent")
        #expect(lifted.odooBlock == .lifted && lifted.previousWarning == previous)
        let actions = try store.auditEvents().filter { $0.action.hasPrefix("receivables.credit.hold.") }
        #expect(actions.map(\.action) == ["proposed", "approved", "applying", "applied", "released", "restored"].map { "receivables.credit.hold.\($0)" })
        #expect(actions.map(\.actor) == ["carla", "erin", "erin", "erin", "closer-agent", "closer-agent"])
        #expect(actions.allSatisfy { $0.targets.first?.id == String(hold.id) && $0.payload.contains("Acme Retail") })
        #expect(try store.verifyAuditTrail().isIntact)
        #expect(try store.creditHoldCounts() == [.proposed: 0, .approved: 0, .applied: 0, .released: 1, .rejected: 0])
    }

    @Test func aProposalReleasedBeforeItReachedOdooHasNothingToLift() throws {
        let store = try AppDatabase.inMemory()
        let hold = try store.proposeCreditHold(Self.verdict(owing: 1_240_000), sourceKey: Self.source, actor: "carla").hold
        let released = try store.releaseCreditHold(id: hold.id, reason: "no longer needed", actor: "closer-agent")
        #expect(released.status == .released && released.odooBlock == nil)
        #expect(throws: CreditHoldError.self) { try store.markCreditHoldLifted(id: hold.id, restored: true, actor: "closer-agent") }
    }
}
