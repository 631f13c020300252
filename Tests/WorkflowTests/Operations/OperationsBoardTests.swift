import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger
import OdooRPC
import Payables
import Receivables
import Testing
import Treasury

/// The operations view: each area's open exceptions with the owner and SLA the rules give (or the record's own
/// decider), most overdue first; what was decided or verified by a second person is not listed; and apart, the
/// technical incidents standing now.
@Suite struct OperationsBoardTests {
    static let source: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 1)
    static let now = Date(timeIntervalSince1970: 1_796_000_000)   // 2026-11-30 00:53 UTC
    static let eur = CurrencyCode("EUR")!

    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    static func heldBill(_ store: AppDatabase) throws {
        func bill(_ id: Int, _ reference: String) -> VendorBill {
            VendorBill(source: source, id: id, name: "BILL/\(id)", companyID: 1, vendor: BillVendor(partnerID: 7, name: "Office Supplies Ltd"),
                       reference: reference, invoiceDate: LocalDate(iso: "2026-10-15"), state: .posted, total: Money(minorUnits: 123_450, currency: eur))
        }
        let copy = bill(501, "inv 42")
        let hit = DuplicateHit(bill: copy, original: bill(500, "INV-0042"), signals: [.reformattedReference], reason: "BILL/501 looks like BILL/500")
        try store.recordBillVerdict(BillVerdict(bill: copy, duplicates: [hit], match: nil, rules: IntakeRules()), preparerLogin: "anna", actor: "intake",
                                    at: daysAgo(10))
    }

    static func bankChanges(_ store: AppDatabase) throws {
        func account(_ id: Int) -> VendorBankAccount { VendorBankAccount(id: id, partnerID: 40 + id, number: "DE89370400440532013000", trusted: true) }
        func changed(_ id: Int, _ kind: BankDetailChange.Kind = .numberChanged) -> BankDetailChange {
            BankDetailChange(accountID: id, partnerID: 40 + id, kind: kind, at: Timestamp(secondsSinceEpoch: Int64(daysAgo(3).timeIntervalSince1970)),
                             by: "mallory", detail: "NL91ABNA0417164300 → DE89370400440532013000")
        }
        try store.recordBankAccounts([], changes: [changed(11), changed(12), changed(13), changed(14, .trusted)], sourceKey: source, actor: "closer",
                                     at: daysAgo(3))
        try store.recordBankVerification(account(12), sourceKey: source, by: "mallory", channel: "the number in the change request", at: daysAgo(2))
        try store.recordBankVerification(account(13), sourceKey: source, by: "vera", channel: "call to the number on file", at: daysAgo(2))
    }

    static func incidents(_ store: AppDatabase) throws {
        func scheduled(_ name: String, _ status: ScheduledRun.Status, _ summary: String, hoursAgo: Double) throws {
            let run = try #require(try store.startScheduledRun(schedule: name, sourceKey: source, period: "2026-11", slot: now.addingTimeInterval(-hoursAgo * 3600)))
            _ = try store.finishScheduledRun(id: run.id, status: status, summary: summary, at: now.addingTimeInterval(-hoursAgo * 3600 + 60))
        }
        try scheduled("nightly", .failed, OdooError.network("connection refused").description, hoursAgo: 2)
        try scheduled("weekly", .failed, OdooError.timeout(seconds: 30).description, hoursAgo: 30)
        try scheduled("weekly", .succeeded, "pulled 12 moves", hoursAgo: 5)
        let check = try store.startRun(kind: "check", period: "2026-11", actor: "closer")
        try store.finishRun(check, status: .failed, summary: #"{"error":"the rule set names an unknown check"}"#, actor: "closer")
        let target = WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/ops?token=secret")!, events: [.billHeld, .incidentOpened])
        let events = [WebhookEvent(key: "bill.held/x", type: .billHeld, source: source, period: nil, occurredAt: "2026-11-29T00:00:00.000Z", details: [:]),
                      WebhookEvent(key: "incident.opened/x", type: .incidentOpened, source: "", period: nil, occurredAt: "2026-11-29T00:00:00.000Z",
                                   details: [:])]
        try store.enqueueWebhookEvents(events, targets: [target], at: daysAgo(1))
        for delivery in try store.webhookDeliveries(status: .pending) {
            _ = try store.recordDeliveryAttempt(id: delivery.id, outcome: .failed(error: "HTTP 503", retryAt: nil), actor: "dispatcher", at: daysAgo(1))
        }
    }

    @Test func everyAreasOpenExceptionHasAnOwnerAnAgeAndAnSLAMostOverdueFirst() throws {
        let store = try AppDatabase.inMemory()
        try Self.heldBill(store)
        try Self.bankChanges(store)
        let hold = try store.proposeCreditHold(CreditHoldEventFeedTests.overLimit(1), sourceKey: Self.source, actor: "carla", at: Self.daysAgo(1)).hold
        let run = try store.proposePaymentRun(PaymentPreflight(rules: TreasuryRules(), executionDate: LocalDate(iso: "2026-12-01")!,
                                                               payBy: LocalDate(iso: "2026-12-01")!).propose([]),
                                              sourceKey: Self.source, actor: "paul", at: Self.daysAgo(2))
        try store.recordExceptionSweep([ExceptionSighting(sourceKey: Self.source, family: .expenses, fingerprint: "f1", kind: "category-limit",
                                                          subject: "expense report R1 of Eve", reason: "over the FOOD limit",
                                                          record: RecordRef(model: "hr.expense.sheet", id: 1, name: "R1"), owner: "erin")],
                                       family: .expenses, sourceKey: Self.source, covering: nil, actor: "closer", at: Self.daysAgo(6))

        let board = try OperationsBoard(store: store, rules: .builtIn, asOf: Self.now)
        let rows = board.exceptions.map { "\($0.family.rawValue) \($0.kind) \($0.owner) \($0.ageDays(asOf: Self.now))/\($0.slaDays)" }
        // The bill: 10 days against the intake's 5, owned by its preparer (no AP clerk in the rules); the unverified bank
        // changes: 3 days against treasury's 1; verified by the changer still counts; verified by a second person does not.
        #expect(rows == [
            "payables bill-blocked anna 10/5",
            "treasury bank-change-unverified controller 3/1", "treasury bank-change-unverified controller 3/1",
            "treasury payment-run-waiting controller 2/1",
            "expenses category-limit erin 6/5",
            "receivables credit-hold-proposed approver 1/5",
        ])
        #expect(board.exceptions.filter { $0.kind == "bank-change-unverified" }.compactMap { $0.record?.id }.sorted() == [11, 12])
        #expect(board.overdue.count == 5 && board.countsByKind[.treasury]?["bank-change-unverified"] == 2)
        #expect(board.exceptions.first { $0.kind == "payment-run-waiting" }?.subject == "payment run \(run.reference)")
        #expect(board.exceptions.first { $0.kind == "credit-hold-proposed" }?.subject == hold.title)

        // Decided work leaves the board: the run rejected, the hold approved and applied, the bill released.
        _ = try store.rejectPaymentRun(id: run.id, reason: "not this week", actor: "vera")
        _ = try store.releaseBill(sourceKey: Self.source, billID: 501, reason: "a different invoice, confirmed with the vendor", actor: "vera")
        let after = try OperationsBoard(store: store, rules: .builtIn, asOf: Self.now)
        #expect(!after.exceptions.contains { $0.kind == "payment-run-waiting" || $0.family == .payables })
    }

    @Test func theRulesOwnersAndSLAsApplyAKindsLineOverItsAreas() throws {
        let yaml = "schema_version: 1\noperations:\n  treasury: {owner: treasurer, sla_days: 3}\n  treasury.payment-run-waiting: {owner: vera, sla_days: 0}\n"
        let rules = try RuleSet(origin: "rules.yaml", bytes: Data(yaml.utf8))
        let store = try AppDatabase.inMemory()
        try Self.bankChanges(store)
        _ = try store.proposePaymentRun(PaymentPreflight(rules: TreasuryRules(), executionDate: LocalDate(iso: "2026-12-01")!,
                                                         payBy: LocalDate(iso: "2026-12-01")!).propose([]), sourceKey: Self.source, actor: "paul", at: Self.daysAgo(2))
        let board = try OperationsBoard(store: store, rules: rules, asOf: Self.now)
        #expect(board.exceptions.map { "\($0.kind) \($0.owner) \($0.slaDays) \($0.isOverdue(asOf: Self.now))" } == [
            "payment-run-waiting vera 0 true", "bank-change-unverified treasurer 3 false", "bank-change-unverified treasurer 3 false",
        ])
        #expect(rules.operations.ownership(of: .payables, kind: "approval-waiting") == ExceptionPolicy.defaultFamilies[.payables])
    }

    @Test func aBadOperationsLineNamesItsKeyAndWhatToWrite() {
        func failure(_ lines: String) -> String {
            do { _ = try RuleSet(origin: "rules.yaml", bytes: Data("schema_version: 1\noperations:\n\(lines)".utf8)); return "parsed" } catch {
                return String(describing: error)
            }
        }
        #expect(failure("  payroll: {owner: vera, sla_days: 2}\n").contains("operations.payroll"))
        #expect(failure("  treasury: {owner: vera}\n").contains("needs both owner"))
        #expect(failure("  treasury: {owner: vera, sla_days: soon}\n").contains("operations.treasury.sla_days"))
        #expect(failure("  treasury.: {owner: vera, sla_days: 1}\n").contains("operations.treasury."))
    }

    @Test func technicalIncidentsStandApartAndEndWhenALaterRunSucceeds() throws {
        let store = try AppDatabase.inMemory()
        try Self.incidents(store)
        let board = try OperationsBoard(store: store, rules: .builtIn, asOf: Self.now)
        #expect(board.exceptions.isEmpty)
        // nightly's latest run could not reach Odoo; weekly failed once but its latest run succeeded; the check run failed;
        // the bill.held delivery is dead, and the dead page about an incident is not paged again.
        #expect(board.incidents.map { "\($0.kind.rawValue) \($0.subject)" } == [
            "odoo-unreachable scheduled run nightly of \(Self.source) (2026-11)",
            "run-failed check run 1 (2026-11)",
            "webhook-dead-letter bill.held to https://n8n.example.com/webhook/ops",
        ])
        #expect(board.incidents.allSatisfy { $0.owner == "admin" } && !board.incidents.contains { $0.detail.contains("secret") })
    }
}
