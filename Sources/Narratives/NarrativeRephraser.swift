public import CloseChecks
public import CloseStore
import Foundation
public import CloseWorkflows
import Ledger

/// One variance's narratives: the deterministic one (the source of truth) and, when the endpoint
/// gave an acceptable answer, the rephrased one; otherwise why not.
public struct NarrativeRephrasing: Sendable, Codable, Hashable {
    public var comparison: FluxComparison
    public var accountID: Int
    public var code: String
    public var narrative: String
    public var rephrasedNarrative: String?
    public var rephraseError: String?
}

/// The flux report's hook for optional rephrasing: sends each variance's `NarrativePrompt` to an
/// OpenAI-compatible chat endpoint, keeps an answer only if `NarrativeAnswerCheck` accepts it, and
/// records request and answer (or the error) as one `narrative.rephrased` audit event per variance,
/// with endpoint and model but never the key. It never throws: a failure leaves the deterministic
/// narrative and says why. An answer the audit trail could not record is not used.
public struct NarrativeRephraser: Sendable {
    public var settings: NarrativeSettings
    public var store: AppDatabase
    public var actor: String
    var client: ChatCompletionClient

    public static let auditAction = "narrative.rephrased"
    /// An answer longer than this is refused anyway; the audit trail keeps its start and its length.
    static let auditedAnswerLength = 4_000

    public init(settings: NarrativeSettings, store: AppDatabase, actor: String) {
        self.settings = settings
        self.store = store
        self.actor = actor
        client = ChatCompletionClient(settings: settings)
    }

    /// One rephrasing per variance, in the report's order. `progress` hears how many are done.
    public func rephrase(_ report: FluxReport, progress: (@Sendable (Int) -> Void)? = nil) async -> [NarrativeRephrasing] {
        var results: [NarrativeRephrasing] = []
        var stopped: String?   // set when the endpoint is unusable for the rest of the run
        for variance in report.variances {
            let prompt = NarrativePrompt(variance)
            let request = prompt.request(model: settings.model)
            var result = NarrativeRephrasing(comparison: variance.comparison, accountID: variance.accountID, code: variance.code,
                                             narrative: variance.narrative)
            var payload: [String: String] = [
                "endpoint": settings.completionsURL.absoluteString, "model": settings.model,
                "source": report.source.text, "period": report.period.description,
                "comparison": variance.comparison.rawValue, "account": variance.code, "narrative": variance.narrative,
            ]
            let outcome: String
            if let stopped {
                result.rephraseError = "not sent: \(stopped)"
                outcome = "skipped"
            } else {
                payload["prompt"] = String(decoding: request.body, as: UTF8.self)
                do {
                    let answer = try await client.complete(request)
                    payload["answer"] = String(answer.content.prefix(Self.auditedAnswerLength))
                    if answer.content.count > Self.auditedAnswerLength { payload["answerLength"] = String(answer.content.count) }
                    switch NarrativeAnswerCheck.validate(answer, for: prompt) {
                    case .success(let text):
                        result.rephrasedNarrative = text
                        outcome = "accepted"
                    case .failure(let refusal):
                        result.rephraseError = refusal.description
                        outcome = "refused"
                    }
                } catch {
                    result.rephraseError = error.description
                    outcome = "failed"
                    if error.endsRun { stopped = error.description }
                }
            }
            if let text = result.rephrasedNarrative { payload["rephrased"] = text }
            if let error = result.rephraseError { payload["error"] = error }
            do {
                try store.recordAudit(NewAuditEvent(
                    actor: actor, action: Self.auditAction,
                    targets: [AuditTarget(model: "account.account", id: String(variance.accountID), name: "\(variance.code) \(variance.name)")],
                    payload: AuditPayload(payload), outcome: outcome))
            } catch {
                result.rephrasedNarrative = nil
                result.rephraseError = "not used: the audit trail could not record it (\(error))"
            }
            results.append(result)
            progress?(results.count)
        }
        return results
    }
}

/// `closer flux --rephrase --json`: the flux report with each variance's rephrased narrative or the
/// reason there is none beside its deterministic `narrative`, and which model and endpoint were used.
public struct RephrasedFluxReport: Sendable, Encodable {
    public var report: FluxReport
    public var rephrasings: [NarrativeRephrasing]
    public var settings: NarrativeSettings

    public init(report: FluxReport, rephrasings: [NarrativeRephrasing], settings: NarrativeSettings) {
        self.report = report
        self.rephrasings = rephrasings
        self.settings = settings
    }

    struct Variance: Encodable {
        var variance: FluxVariance
        var rephrasing: NarrativeRephrasing?
        enum Keys: String, CodingKey { case rephrasedNarrative, rephraseError }

        func encode(to encoder: any Encoder) throws {
            try variance.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeIfPresent(rephrasing?.rephrasedNarrative, forKey: .rephrasedNarrative)
            try container.encodeIfPresent(rephrasing?.rephraseError, forKey: .rephraseError)
        }
    }

    enum Keys: String, CodingKey { case variances, narrativeModel, narrativeEndpoint }

    /// The report's own fields as they are, with `variances` extended and the model and endpoint added.
    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        let byVariance = Dictionary(rephrasings.map { ("\($0.comparison.rawValue) \($0.accountID)", $0) }, uniquingKeysWith: { first, _ in first })
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(report.variances.map { Variance(variance: $0, rephrasing: byVariance["\($0.comparison.rawValue) \($0.accountID)"]) },
                             forKey: .variances)
        try container.encode(settings.model, forKey: .narrativeModel)
        try container.encode(settings.completionsURL.absoluteString, forKey: .narrativeEndpoint)
    }
}
