import CloseStore
@testable import CloseWorkflows
import Foundation
import Ledger
import LoopbackHTTP
@testable import Narratives
import Testing
import CloseChecks

@Suite struct NarrativeRephraserTests {
    typealias Fixture = NarrativeFixture

    func rephrase(_ server: LoopbackServer, key: String? = Fixture.apiKey, timeout: Duration = .seconds(10))
        async throws -> (FluxReport, [NarrativeRephrasing], [AuditEvent]) {
        let store = try AppDatabase.inMemory()
        let report = Fixture.report
        let rephraser = NarrativeRephraser(settings: Fixture.settings(server, key: key, timeout: timeout), store: store, actor: "tester")
        let results = await rephraser.rephrase(report)
        #expect(try store.verifyAuditTrail().problems.isEmpty)
        return (report, results, try store.auditEvents())
    }

    func payload(_ event: AuditEvent) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(event.payload.utf8))
    }

    @Test func aFaithfulAnswerIsAcceptedAndAuditedWithPromptAndAnswerButNoKey() async throws {
        let server = try Fixture.server { .json(Fixture.completion(Fixture.faithful($0))) }
        defer { server.stop() }
        let (report, results, events) = try await rephrase(server)

        #expect(report.variances.count == 6)   // two accounts × prior period, last year, year to date
        #expect(results.count == report.variances.count)
        #expect(server.requestCount == report.variances.count)
        for (variance, result) in zip(report.variances, results) {
            #expect(result.narrative == variance.narrative)
            #expect(result.rephraseError == nil)
            #expect(result.rephrasedNarrative == Fixture.faithful(NarrativePrompt(variance)))
        }
        let office = try #require(results.first { $0.code == "628000" && $0.comparison == .priorPeriod })
        #expect(office.rephrasedNarrative == "Office Supplies (628000) increased by 6,700.00 USD (+670 %) against 2026-09, "
                + "mostly from BILL/2026/10/0031 (Staples Office Supply, 6,000.00).")

        #expect(events.count == report.variances.count)
        for (event, variance) in zip(events, report.variances) {
            #expect(event.action == "narrative.rephrased" && event.outcome == "accepted" && event.actor == "tester")
            #expect(event.targets == [AuditTarget(model: "account.account", id: String(variance.accountID), name: "\(variance.code) \(variance.name)")])
            let fields = try payload(event)
            #expect(fields["endpoint"] == "\(server.url.absoluteString)/v1/chat/completions")
            #expect(fields["model"] == Fixture.model)
            #expect(fields["narrative"] == variance.narrative)
            #expect(fields["answer"] == Fixture.faithful(NarrativePrompt(variance)))
            #expect(fields["rephrased"] == Fixture.faithful(NarrativePrompt(variance)))
            // The audited prompt is exactly the request body that was sent.
            let sent = try #require(server.requests.first { (try? Fixture.prompt(of: $0).1) == NarrativePrompt(variance) })
            #expect(fields["prompt"] == String(decoding: sent.body, as: UTF8.self))
            #expect(!event.payload.contains(Fixture.apiKey))
            #expect(!event.payload.contains("Bearer"))
        }
    }

    @Test func theRequestCarriesTheKeyAndModelAndOnlyWhatTheNarrativeNeeds() async throws {
        let server = try Fixture.server { .json(Fixture.completion(Fixture.faithful($0))) }
        defer { server.stop() }
        let (report, _, _) = try await rephrase(server)

        for request in server.requests {
            #expect(request.path == "/v1/chat/completions")
            #expect(request.headers["authorization"] == "Bearer \(Fixture.apiKey)")
            #expect(request.headers["content-type"] == "application/json")
            let (body, prompt) = try Fixture.prompt(of: request)
            #expect(body.model == Fixture.model && body.temperature == 0)
            #expect(body.messages.map(\.role) == ["system", "user"])
            #expect(body.messages[0].content == NarrativePrompt.instructions)
            let variance = try #require(report.variances.first { NarrativePrompt($0) == prompt })
            #expect(prompt.drivers.map(\.name) == variance.topEntries.map(\.name))
            // The top-level fields are exactly these, and the user message is exactly the prompt value.
            let object = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
            #expect(Set(object.keys) == ["model", "messages", "temperature"])
            let user = try #require(try JSONSerialization.jsonObject(with: Data(body.messages[1].content.utf8)) as? [String: Any])
            #expect(Set(user.keys) == ["accountCode", "accountName", "comparison", "currency", "current", "base", "delta", "narrative", "drivers"])
            #expect(body.messages[1].content == prompt.userMessage)
            let text = String(decoding: request.body, as: UTF8.self) + body.messages[1].content
            for secretOrLineData in Fixture.neverSent {
                #expect(!text.contains(secretOrLineData), "the request must not contain \(secretOrLineData)")
            }
        }
        let office = try #require(report.variances.first { $0.code == "628000" && $0.comparison == .priorPeriod })
        let prompt = NarrativePrompt(office)
        #expect(prompt.current == "7,700.00" && prompt.base == "1,000.00" && prompt.delta == "6,700.00" && prompt.currency == "USD")
        #expect(prompt.comparison == "Against the prior period (2026-09)")
        #expect(prompt.drivers == [.init(name: "BILL/2026/10/0031", amount: "6,000.00"), .init(name: "BILL/2026/10/0032", amount: "1,000.00"),
                                   .init(name: "BILL/2026/10/0033", amount: "500.00")])
    }

    @Test func withoutAKeyNoAuthorizationHeaderIsSent() async throws {
        let server = try Fixture.server { .json(Fixture.completion(Fixture.faithful($0))) }
        defer { server.stop() }
        let (_, results, _) = try await rephrase(server, key: nil)
        #expect(results.allSatisfy { $0.rephrasedNarrative != nil })
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == nil })
    }

    @Test func anAnswerThatAltersAnAmountIsRefusedAndTheDeterministicNarrativeKept() async throws {
        let server = try Fixture.server { .json(Fixture.completion(Fixture.faithful($0).replacingOccurrences(of: "6,700.00", with: "6,800.00"))) }
        defer { server.stop() }
        let (report, results, events) = try await rephrase(server)

        #expect(results.count == report.variances.count)
        for (variance, result, event) in zip3(report.variances, results, events) {
            #expect(result.narrative == variance.narrative)
            if variance.narrative.contains("6,700.00") {
                #expect(result.rephrasedNarrative == nil)
                let reason = try #require(result.rephraseError)
                #expect(reason.contains("6,700.00") && reason.contains("6,800.00") && reason.hasPrefix("refused"), "\(reason)")
                #expect(!reason.contains("\n"))
                #expect(event.outcome == "refused")
                #expect(try payload(event)["answer"]?.contains("6,800.00") == true)
                #expect(try payload(event)["error"] == reason)
                #expect(try payload(event)["rephrased"] == nil)
            } else {
                #expect(result.rephrasedNarrative != nil && event.outcome == "accepted")
            }
        }
        #expect(results.filter { $0.rephraseError != nil }.map(\.code).sorted() == ["211000", "628000"])
    }

    @Test func aRamblingAnswerIsRefusedAndOnlyItsStartIsAudited() async throws {
        let server = try Fixture.server { .json(Fixture.completion(Fixture.faithful($0) + String(repeating: " And so on.", count: 500))) }
        defer { server.stop() }
        let (_, results, events) = try await rephrase(server)
        #expect(results.allSatisfy { $0.rephrasedNarrative == nil && $0.rephraseError?.contains("(at most 600)") == true })
        let fields = try payload(try #require(events.first))
        #expect(fields["answer"]?.count == 4_000)
        #expect(Int(fields["answerLength"] ?? "") ?? 0 > 5_000)
    }

    @Test func http500KeepsTheDeterministicNarrativeWithAReasonAndTriesEachVariance() async throws {
        let server = try Fixture.server { _ in .respond(status: 500, contentType: "application/json", body: Array(#"{"error":{"message":"boom"}}"#.utf8)) }
        defer { server.stop() }
        let (report, results, events) = try await rephrase(server)
        #expect(server.requestCount == report.variances.count)
        #expect(results.allSatisfy { $0.rephrasedNarrative == nil })
        #expect(results.allSatisfy { $0.rephraseError == "HTTP 500 from 127.0.0.1:\(server.port): the endpoint failed (server error)" })
        #expect(events.allSatisfy { $0.outcome == "failed" && !$0.payload.contains(Fixture.apiKey) })
        #expect(try events.allSatisfy { try payload($0)["prompt"] != nil })
    }

    @Test func malformedJSONKeepsTheDeterministicNarrativeWithAReason() async throws {
        let server = try Fixture.server { _ in .json(Array(#"{"choices": [ {"message": "#.utf8)) }
        defer { server.stop() }
        let (report, results, _) = try await rephrase(server)
        #expect(results.map(\.narrative) == report.variances.map(\.narrative))
        #expect(results.allSatisfy { $0.rephrasedNarrative == nil })
        let reason = try #require(results.first?.rephraseError)
        #expect(reason == "the answer from 127.0.0.1:\(server.port) is not a chat completion: malformed JSON (26 bytes)")
    }

    @Test func aRefusedKeyStopsTheRunAfterOneRequestWithoutLeakingIt() async throws {
        let server = try Fixture.server { _ in
            .respond(status: 401, contentType: "application/json", body: Array(#"{"error":{"message":"Incorrect API key provided: sk-test-DO-NOT-LEAK-4242"}}"#.utf8))
        }
        defer { server.stop() }
        let (report, results, events) = try await rephrase(server)
        #expect(server.requestCount == 1)
        #expect(results.first?.rephraseError == "HTTP 401 from 127.0.0.1:\(server.port): the API key was refused (narrative.api_key)")
        #expect(results.dropFirst().allSatisfy { $0.rephraseError == "not sent: " + (results.first?.rephraseError ?? "") })
        #expect(events.count == report.variances.count)
        #expect(events.map(\.outcome) == ["failed"] + Array(repeating: "skipped", count: report.variances.count - 1))
        #expect(events.allSatisfy { !$0.payload.contains(Fixture.apiKey) })
    }

    @Test func connectionRefusedAndTimeoutAreOneLineReasons() async throws {
        let closed = LoopbackServer.closedPortURL
        let store = try AppDatabase.inMemory()
        let refused = await NarrativeRephraser(settings: NarrativeSettings(baseURL: closed, model: "m"), store: store, actor: "t")
            .rephrase(Fixture.report)
        #expect(refused.first?.rephraseError?.hasPrefix("connection refused by 127.0.0.1:") == true, "\(refused.first?.rephraseError ?? "")")
        #expect(refused.allSatisfy { $0.rephrasedNarrative == nil && $0.rephraseError != nil })

        let slow = try Fixture.server { .delay(seconds: 3, then: .json(Fixture.completion(Fixture.faithful($0)))) }
        defer { slow.stop() }
        let (_, results, _) = try await rephrase(slow, timeout: .seconds(1))
        #expect(results.first?.rephraseError == "no answer from 127.0.0.1:\(slow.port) within 1 s (narrative.timeout_seconds)")
        #expect(slow.requestCount == 1)
        #expect(results.allSatisfy { $0.rephrasedNarrative == nil })
    }

    @Test func theJSONReportShowsBothNarratives() async throws {
        let server = try Fixture.server { .json(Fixture.completion(Fixture.faithful($0))) }
        defer { server.stop() }
        let (report, results, _) = try await rephrase(server)
        let encoded = try JSONEncoder().encode(RephrasedFluxReport(report: report, rephrasings: results, settings: Fixture.settings(server)))
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["company"] as? String == "Narrative Test Co")
        #expect(object["narrativeModel"] as? String == Fixture.model)
        let variances = try #require(object["variances"] as? [[String: Any]])
        #expect(variances.count == report.variances.count)
        for (json, variance) in zip(variances, report.variances) {
            #expect(json["narrative"] as? String == variance.narrative)
            #expect(json["rephrasedNarrative"] as? String == Fixture.faithful(NarrativePrompt(variance)))
            #expect(json["code"] as? String == variance.code)
        }
        #expect(!String(decoding: encoded, as: UTF8.self).contains(Fixture.apiKey))
    }
}

func zip3<A: Sequence, B: Sequence, C: Sequence>(_ a: A, _ b: B, _ c: C) -> [(A.Element, B.Element, C.Element)] {
    zip(zip(a, b), c).map { ($0.0, $0.1, $1) }
}

extension LoopbackServer {
    /// An API base on a port where nothing listens.
    static var closedPortURL: URL { URL(string: "http://127.0.0.1:\(closedPort())/v1")! }
}
