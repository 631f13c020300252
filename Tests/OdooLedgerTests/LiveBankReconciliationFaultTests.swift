import Foundation
import LoopbackHTTP
import OdooLedger
import OdooRPC
import Testing

/// Faults between Closer and a real Odoo 18 while a bank match is written: the answer to the statement
/// entry's rewrite is lost after Odoo performed it. The next run must finish the match from what Odoo
/// shows — exactly one reconciliation, no second rewrite — never leave it half-done.
@Suite(.serialized, .enabled(if: LiveBankReconciliationSetup.enabled, "skipped: no live Odoo (CLOSER_TEST_ODOO_URL, _DB, _USER, _PASSWORD)"))
struct LiveBankReconciliationFaultTests {
    /// The model and method of an XML-RPC `execute_kw` call (its third and fourth string parameters).
    static func ormCall(_ body: [UInt8]) -> (model: String, method: String)? {
        let text = String(decoding: body, as: UTF8.self)
        guard text.contains("<methodName>execute_kw</methodName>") else { return nil }
        let strings = text.components(separatedBy: "<string>").dropFirst().map { $0.components(separatedBy: "</string>")[0] }
        return strings.count > 3 ? (strings[2], strings[3]) : nil
    }

    @Test func aLostAnswerToTheEntryRewriteIsFinishedByTheNextRun() async throws {
        let endpoint = try #require(LiveBankReconciliationSetup.endpoint)
        let direct = OdooClient(endpoint: endpoint)
        var setup = LiveBankReconciliationSetup(client: direct)
        try await setup.prepare()
        let invoice = try await setup.invoice("out_invoice", amount: "77.00")
        let payment = try await setup.statementLine(journal: setup.bankJournal, amount: "77.00", partner: setup.customer, label: "lost answer")
        let match = BankReconciliation(statementLineID: payment.id, openItemLineIDs: [invoice.line], idempotencyKey: "test-\(setup.tag)-lost")

        // Odoo performs the first account.move write, then the proxy drops its answer.
        final class Dropped: @unchecked Sendable { var once = false }
        let dropped = Dropped()
        let base = endpoint.url
        let proxy = try LoopbackServer { request in
            let answer = LoopbackServer.forward(request, to: base)
            if !dropped.once, let call = Self.ormCall(request.body), call == ("account.move", "write") {
                dropped.once = true
                return .close
            }
            return answer
        }
        defer { proxy.stop() }
        var through = endpoint
        through.url = proxy.url
        let reconciler = OdooBankReconciler(client: OdooClient(endpoint: through))

        let movesBefore = try await setup.count("account.move"), partialsBefore = try await setup.count("account.partial.reconcile")
        let first = await reconciler.apply([match])
        guard case .failed(let failure) = first.first else { Issue.record("expected a failure: \(first)"); return }
        #expect(dropped.once && failure.wroteToOdoo, "the failure says Odoo may hold part of the match: \(failure.reason)")
        #expect(try await setup.residual(invoice.line).reconciled == false, "half-done: the entry is rewritten, the invoice still open")

        let second = await reconciler.apply([match])
        guard case .applied(let state) = second.first else { Issue.record("expected the next run to finish: \(second)"); return }
        #expect(state.isReconciled && state.byThisProposal)
        #expect(try await setup.residual(invoice.line).reconciled)
        #expect(try await setup.count("account.move") == movesBefore, "no entry created twice")
        #expect(try await setup.count("account.partial.reconcile") == partialsBefore + 1, "reconciled exactly once")
        let third = await reconciler.apply([match])
        guard case .alreadyReconciled = third.first else { Issue.record("\(third)"); return }
        #expect(try await setup.count("account.partial.reconcile") == partialsBefore + 1)
    }
}
