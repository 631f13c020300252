import ArgumentParser
import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Narratives
import FoundationEssentials

/// `closer flux --rephrase`: where narratives are sent to be rephrased; each also readable from the
/// environment or closer.yaml.
struct NarrativeOptions: ParsableArguments {
    @Flag(help: "Also rephrase each narrative with an OpenAI-compatible chat endpoint (narrative.url, narrative.model); the deterministic narrative stays.")
    var rephrase = false
    @Option(help: "Chat API base, e.g. http://127.0.0.1:11434/v1 or https://api.openai.com/v1 (env CLOSER_NARRATIVE_URL).")
    var narrativeURL: String?
    @Option(help: "Model name (env CLOSER_NARRATIVE_MODEL).") var narrativeModel: String?
    @Option(help: "API key, sent as a bearer token (env CLOSER_NARRATIVE_API_KEY; prefer the environment).") var narrativeKey: String?
    @Option(help: "Seconds to wait for each answer (env CLOSER_NARRATIVE_TIMEOUT; default 60).") var narrativeTimeout: String?

    var flags: [Setting: String] {
        var flags: [Setting: String] = [:]
        flags[.narrativeURL] = narrativeURL
        flags[.narrativeModel] = narrativeModel
        flags[.narrativeAPIKey] = narrativeKey
        flags[.narrativeTimeout] = narrativeTimeout
        return flags
    }

    /// The rephraser when `--rephrase` was given; missing or malformed settings stop the command here.
    func rephraser(common: CommonOptions, store: AppDatabase) throws -> NarrativeRephraser? {
        guard rephrase else { return nil }
        let settings = try NarrativeSettings(resolving: try common.resolver(flags: flags))
        return NarrativeRephraser(settings: settings, store: store, actor: try common.actor(store, for: nil))
    }

    /// Rephrases with progress on a terminal, quiet with `--json`.
    static func run(_ rephraser: NarrativeRephraser?, _ report: FluxReport, json: Bool) async -> [NarrativeRephrasing]? {
        guard let rephraser else { return nil }
        let progress = TerminalProgress.forCommandLine(json: json)
        defer { progress.finish() }
        return await rephraser.rephrase(report) { progress.update("rephrasing narratives", count: $0) }
    }

    /// The rephrased narratives after the deterministic ones, or, per variance, why the deterministic one
    /// stays; variances never sent because the endpoint stopped answering are counted in one line.
    static func print(_ rephrasings: [NarrativeRephrasing], settings: NarrativeSettings) {
        guard !rephrasings.isEmpty else { return }
        let accepted = rephrasings.filter { $0.rephrasedNarrative != nil }.count
        Swift.print("\nRephrased by \(settings.model) at \(settings.completionsURL.absoluteString): \(accepted) of \(rephrasings.count) "
                    + "(the deterministic narratives above stand; amounts are checked)")
        let notSent = rephrasings.filter { $0.rephraseError?.hasPrefix("not sent: ") == true }
        for comparison in FluxComparison.allCases {
            let group = rephrasings.filter { $0.comparison == comparison && $0.rephraseError?.hasPrefix("not sent: ") != true }
            guard !group.isEmpty else { continue }
            Swift.print("\n\(comparison.title)")
            for item in group {
                if let text = item.rephrasedNarrative {
                    Swift.print("  - \(item.code): \(text)")
                } else {
                    Swift.print("  - \(item.code): kept the deterministic narrative: \(item.rephraseError ?? "no answer")")
                }
            }
        }
        if let reason = notSent.first?.rephraseError {
            Swift.print("\n\(notSent.count) more \(notSent.count == 1 ? "was" : "were") \(reason)")
        }
    }
}
