import CloseChecks
@testable import CloseWorkflows
import Foundation
import Ledger
import LoopbackHTTP
@testable import Narratives

/// A small ledger whose October 2026 moved Office Supplies (and Payables) materially, with a fourth
/// driver, a partner nobody used, and line labels that must never leave the process; plus a fake
/// OpenAI-compatible model answering from the prompt it was sent.
enum NarrativeFixture {
    static let apiKey = "sk-test-DO-NOT-LEAK-4242"
    static let model = "closer-test-model"
    /// Things in the ledger that no prompt may contain.
    static let neverSent = ["BILL/2026/10/0034", "Paper Co", "Quiet Partner GmbH", "label-", apiKey]

    static var report: FluxReport {
        let usd = Currency(id: 1, code: .usd)
        func bill(_ id: Int, _ name: String, _ date: String, partner: Int, _ cents: Int64) -> (Move, [JournalLine]) {
            let day = LocalDate(iso: date)!
            let stamp = Timestamp(date: day)
            let move = Move(id: id, name: name, state: .posted, type: .vendorBill, date: day, journalID: 1, partnerID: partner, currencyID: 1,
                            amountTotal: usd.money(cents), amountResidual: usd.zero,
                            audit: RecordAudit(createdBy: nil, createdAt: stamp, writtenBy: nil, writtenAt: stamp))
            return (move, [
                JournalLine(id: id * 2, moveID: id, date: day, accountID: 60, partnerID: partner, label: "label-\(id)-expense",
                            debit: usd.money(cents), credit: usd.zero, currencyID: 1),
                JournalLine(id: id * 2 + 1, moveID: id, date: day, accountID: 20, partnerID: partner, label: "label-\(id)-payable",
                            debit: usd.zero, credit: usd.money(cents), currencyID: 1),
            ])
        }
        let entries = [
            bill(1, "BILL/2026/09/0001", "2026-09-10", partner: 1, 100_000),
            bill(2, "BILL/2026/10/0031", "2026-10-03", partner: 1, 600_000),
            bill(3, "BILL/2026/10/0032", "2026-10-04", partner: 2, 100_000),
            bill(4, "BILL/2026/10/0033", "2026-10-05", partner: 1, 50_000),
            bill(5, "BILL/2026/10/0034", "2026-10-06", partner: 3, 20_000),
        ]
        let snapshot = LedgerSnapshot(
            company: Company(id: 1, name: "Narrative Test Co", currency: usd),
            accounts: [Account(id: 20, code: "211000", name: "Payables", type: AccountType(rawValue: "liability_payable")),
                       Account(id: 60, code: "628000", name: "Office Supplies", type: .expense)],
            partners: [Partner(id: 1, name: "Staples Office Supply"), Partner(id: 2, name: "Desk Depot"), Partner(id: 3, name: "Paper Co"),
                       Partner(id: 9, name: "Quiet Partner GmbH")],
            moves: entries.map(\.0), lines: entries.flatMap(\.1))
        let period = try! Period(parsing: "2026-10")
        let analysis = FluxAnalysis(snapshot: snapshot, period: period)
        return FluxReport(source: "test", company: snapshot.company.name, currency: "USD", period: period, thresholds: analysis.thresholds,
                          variances: analysis.variances)
    }

    static func settings(_ server: LoopbackServer, key: String? = apiKey, timeout: Duration = .seconds(10)) -> NarrativeSettings {
        NarrativeSettings(baseURL: server.url.appendingPathComponent("v1"), model: model, apiKey: key, timeout: timeout)
    }

    /// The prompt a request carried, read back from its body.
    static func prompt(of request: LoopbackServer.Request) throws -> (ChatCompletionRequest, NarrativePrompt) {
        let body = try JSONDecoder().decode(ChatCompletionRequest.self, from: Data(request.body))
        let prompt = try JSONDecoder().decode(NarrativePrompt.self, from: Data(body.messages[1].content.utf8))
        return (body, prompt)
    }

    /// A chat completion answer as OpenAI sends it.
    static func completion(_ content: String, finishReason: String = "stop") -> [UInt8] {
        let object: [String: Any] = [
            "id": "chatcmpl-test", "object": "chat.completion", "model": model,
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": finishReason]],
            "usage": ["prompt_tokens": 100, "completion_tokens": 30, "total_tokens": 130],
        ]
        return [UInt8](try! JSONSerialization.data(withJSONObject: object))
    }

    /// A faithful model: new words, the same amounts.
    static func faithful(_ prompt: NarrativePrompt) -> String {
        prompt.narrative.replacingOccurrences(of: " rose ", with: " increased by ")
            .replacingOccurrences(of: " fell ", with: " decreased by ")
            .replacingOccurrences(of: "driven by", with: "mostly from")
    }

    static func server(_ answer: @escaping @Sendable (NarrativePrompt) -> LoopbackServer.Action) throws -> LoopbackServer {
        try LoopbackServer { request in
            guard let (_, prompt) = try? prompt(of: request) else { return .respond(status: 400, contentType: "application/json", body: []) }
            return answer(prompt)
        }
    }
}
