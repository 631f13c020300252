@testable import BankMatching
import CloseStore
import CloseWorkflows
import Governance
import Ledger
import Testing
import OdooRPC

/// `closer reconcile apply` of three approved matches, each a bank receipt paying one invoice in full.
/// Intended, per match: the statement entry's suspense item rewritten once to the receivable, and that
/// item reconciled once with the invoice's.
struct BankMatchCase: WritePathCase {
    struct Match: Sendable {
        var statementLine: Int
        var invoiceItem: Int
        var proposalID: Int64
    }

    let matches: [Match]

    init(bench: FaultBench) async throws {
        var matches: [Match] = []
        let run = try bench.store.startRun(kind: "reconcile", period: bench.period.description, actor: "preparer")
        for (index, cents) in [10_000, 25_000, 7_550].enumerated() {
            let invoice = try await bench.odoo.invoice(cents: cents)
            let line = try await bench.odoo.statementLine(cents: cents, label: "fault matrix receipt \(index + 1)")
            let money = bench.odoo.company.currency.money(Int64(cents))
            let proposal = MatchProposal(
                statementLineID: line, date: bench.odoo.company.date, amount: money, text: "fault matrix receipt \(index + 1)",
                partnerID: bench.odoo.company.customer, decision: .review,
                candidates: [ScoredCandidate(itemLineIDs: [invoice.receivable], documents: ["invoice \(invoice.move)"], shape: .oneToOne,
                                             writeOff: nil, writeOffAccountID: nil, writeOffAccount: nil, probability: 0.9, reason: "amount and partner")],
                reason: "test", modelVersion: 1)
            let stored = try bench.store.saveMatchProposals([proposal], runID: run, sourceKey: bench.sourceKey, period: bench.period, actor: "preparer")
            let approved = try bench.store.decideMatchProposal(id: stored[0].id, sourceKey: bench.sourceKey, approved: true, features: nil,
                                                               actor: "ann", policy: ApprovalPolicy())
            matches.append(Match(statementLine: line, invoiceItem: invoice.receivable, proposalID: approved.proposal.id))
        }
        self.matches = matches
    }

    func run(_ bench: FaultBench) async throws {
        _ = try await ReconcileApplyService(store: bench.store, settings: bench.settings, actor: "ann").apply(sourceKey: bench.sourceKey)
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: matches.count)
        let stored = Dictionary(uniqueKeysWithValues: try bench.store.matchProposals(sourceKey: bench.sourceKey).map { ($0.id, $0.status) })
        for match in matches {
            let line = try #require(try await bench.direct.read("account.bank.statement.line", ids: [match.statementLine],
                                                                fields: ["move_id", "is_reconciled"]).first)
            let move = line["move_id"]?.many2one?.id ?? 0
            let receivable = try await bench.direct.read("account.move.line", ids: [match.invoiceItem], fields: ["account_id", "reconciled"]).first
            let account = receivable?["account_id"]?.many2one?.id ?? 0
            let counterparts = try await bench.direct.searchCount("account.move.line", domain: [["move_id", "=", RPCValue(move)],
                                                                                                ["account_id", "=", RPCValue(account)]])
            let partials = try await bench.direct.searchCount("account.partial.reconcile", domain: [["credit_move_id", "=", RPCValue(match.invoiceItem)]])
                + bench.direct.searchCount("account.partial.reconcile", domain: [["debit_move_id", "=", RPCValue(match.invoiceItem)]])
            let what = "statement line \(match.statementLine)'s match with invoice item \(match.invoiceItem)"
            audit.expectOnce("the rewrite of \(what)", count: counterparts, settled: settled)
            audit.expectOnce("the reconciliation of \(what)", count: partials, settled: settled)
            let done = line["is_reconciled"]?.boolValue == true && receivable?["reconciled"]?.boolValue == true
            if settled && line["is_reconciled"]?.boolValue == true && !done { audit.losses.append("\(what) is half-done: rewritten, not reconciled") }
            audit.expectStore(what, storeSaysApplied: stored[match.proposalID] == .applied, odooHolds: done, settled: settled)
        }
        return audit
    }
}
