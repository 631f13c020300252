import Foundation
import PostgresSupport
import Testing

@Suite(.serialized) struct FluxRephraseCommandTests {
    @Test func anUnreachableEndpointNeverFailsFluxAndTheKeyNeverShows() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("demo", in: directory)
        let demo = try await CloserBinary.run(["demo", "--store", store, "--json"], in: directory)
        #expect(demo.status == 0, "\(demo.all)")

        let key = "sk-cli-never-printed-77"
        let flux = try await CloserBinary.run(["flux", "--period", "2026-10", "--store", store, "--rephrase",
                                         "--narrative-url", "http://127.0.0.1:9/v1", "--narrative-model", "llama3"],
                                        environment: ["CLOSER_NARRATIVE_API_KEY": key], in: directory)
        #expect(flux.status == 0, "\(flux.all)")
        #expect(flux.stdout.contains("Against the prior period") && flux.stdout.contains("driven by"))
        #expect(flux.stdout.contains("Rephrased by llama3 at http://127.0.0.1:9/v1/chat/completions: 0 of"))
        #expect(flux.stdout.contains("kept the deterministic narrative: connection refused by 127.0.0.1:9"), "\(flux.stdout)")
        #expect(!flux.all.contains(key))

        let json = try await CloserBinary.run(["flux", "--period", "2026-10", "--store", store, "--rephrase", "--json",
                                         "--narrative-url", "http://127.0.0.1:9/v1", "--narrative-model", "llama3"], in: directory)
        #expect(json.status == 0 && json.stderr.isEmpty, "\(json.all)")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let variances = report?["variances"] as? [[String: Any]] ?? []
        #expect(!variances.isEmpty)
        #expect(variances.allSatisfy { $0["narrative"] is String && $0["rephraseError"] is String && $0["rephrasedNarrative"] == nil })

        let export = try await CloserBinary.run(["audit", "export", "--store", store])
        #expect(export.stdout.contains("\"narrative.rephrased\""))
        #expect(!export.stdout.contains(key))
        #expect(try await CloserBinary.run(["audit", "verify", "--store", store]).status == 0)
    }

    @Test func rephraseWithoutAnEndpointListsWhatIsMissing() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("s", in: directory)
        // A store that exists: a missing one is refused first (issue 16).
        #expect(try await CloserBinary.run(["users", "add", "ann", "--name", "Ann", "--store", store], in: directory).status == 0)
        let result = try await CloserBinary.run(["flux", "--period", "2026-10", "--rephrase", "--store", store], in: directory)
        #expect(result.status != 0)
        #expect(result.all.contains("CLOSER_NARRATIVE_URL") && result.all.contains("CLOSER_NARRATIVE_MODEL"), "\(result.all)")
    }
}
