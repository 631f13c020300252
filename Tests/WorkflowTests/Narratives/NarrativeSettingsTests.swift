@testable import CloseSettings
import Foundation
import Ledger
@testable import Narratives
import Testing

@Suite struct NarrativeSettingsTests {
    @Test func resolvedLikeEveryOtherSettingWithTheKeyNeverShown() throws {
        let file = try ConfigFile(path: "closer.yaml", text: "narrative:\n  url: http://127.0.0.1:11434/v1/\n  model: from-file\n",
                                  known: Set(Setting.all.map(\.key)))
        let resolver = SettingsResolver(flags: [.narrativeModel: "from-flag"],
                                        environment: ["CLOSER_NARRATIVE_API_KEY": "sk-env-secret", "CLOSER_NARRATIVE_TIMEOUT": "5"], file: file)
        let settings = try NarrativeSettings(resolving: resolver)
        #expect(settings.model == "from-flag")
        #expect(settings.apiKey == "sk-env-secret")
        #expect(settings.timeout == .seconds(5))
        #expect(settings.completionsURL.absoluteString == "http://127.0.0.1:11434/v1/chat/completions")
        #expect(!String(describing: settings).contains("sk-env-secret"))
        #expect(Setting.narrativeAPIKey.isSecret && Setting.narrativeAPIKey.flag == "--narrative-key")
        #expect(Setting.all.filter { $0.key.hasPrefix("narrative.") }.count == 4)
        let openAI = NarrativeSettings(baseURL: URL(string: "https://api.openai.com/v1/chat/completions")!, model: "gpt-4o-mini")
        #expect(openAI.completionsURL.absoluteString == "https://api.openai.com/v1/chat/completions")
    }

    @Test func missingAndInvalidNarrativeSettingsAreListedTogether() throws {
        #expect(throws: SettingsError(missing: [.narrativeURL, .narrativeModel], invalid: [])) {
            try NarrativeSettings(resolving: SettingsResolver(flags: [:], environment: [:], file: nil))
        }
        let resolver = SettingsResolver(flags: [.narrativeURL: "http://llm.example.com/v1", .narrativeTimeout: "0"],
                                        environment: ["CLOSER_NARRATIVE_API_KEY": "sk-secret"], file: nil)
        let error = try #require(throws: SettingsError.self) { try NarrativeSettings(resolving: resolver) }
        #expect(error.missing == [.narrativeModel])
        #expect(error.invalid.count == 2)
        #expect(error.invalid.contains { $0.contains("unencrypted") && $0.contains("llm.example.com") })
        #expect(!error.description.contains("sk-secret"))

        let withCredentials = SettingsResolver(flags: [.narrativeURL: "https://user:pw@llm.example.com/v1?key=abc", .narrativeModel: "m"],
                                               environment: [:], file: nil)
        let urlError = try #require(throws: SettingsError.self) { try NarrativeSettings(resolving: withCredentials) }
        #expect(!urlError.description.contains("pw") && !urlError.description.contains("abc"))
    }
}
