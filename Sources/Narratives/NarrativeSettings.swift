public import CloseSettings
import Ledger
public import Foundation

/// Where optional narrative rephrasing is sent: an OpenAI-compatible chat endpoint, resolved from
/// flags, environment and config file like every other setting. The key is never shown.
public struct NarrativeSettings: Sendable, CustomStringConvertible {
    /// The API base, e.g. http://127.0.0.1:11434/v1 or https://api.openai.com/v1.
    public var baseURL: URL
    public var model: String
    public var apiKey: String?
    public var timeout: Duration

    public init(baseURL: URL, model: String, apiKey: String? = nil, timeout: Duration = .seconds(60)) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
    }

    /// Collects every missing or malformed narrative setting before failing.
    public init(resolving settings: SettingsResolver) throws {
        var missing: [Setting] = []
        var invalid: [String] = []
        let urlText = settings.string(.narrativeURL)
        let model = settings.string(.narrativeModel)?.trimmingCharacters(in: .whitespaces)
        let apiKey = settings.string(.narrativeAPIKey)
        if urlText == nil { missing.append(.narrativeURL) }
        if model?.isEmpty ?? true { missing.append(.narrativeModel) }
        var url: URL?
        if let urlText {
            url = URL(string: urlText)
            let scheme = url?.scheme?.lowercased() ?? ""
            if !["http", "https"].contains(scheme) || url?.host == nil || url?.user != nil || url?.password != nil || url?.query != nil {
                invalid.append("narrative.url '\(Self.displayText(urlText))' is not an http(s) API base such as http://127.0.0.1:11434/v1 or https://api.openai.com/v1")
                url = nil
            } else if scheme == "http", apiKey != nil, let host = url?.host, !Self.isLoopback(host) {
                invalid.append("narrative.url '\(Self.displayText(urlText))' would send the API key unencrypted to \(host): use https, or a loopback address")
                url = nil
            }
        }
        let timeout = OdooSettings.positiveInt(settings, .narrativeTimeout, into: &invalid) ?? 60
        guard missing.isEmpty, invalid.isEmpty, let url, let model else {
            throw SettingsError(missing: missing, invalid: invalid)
        }
        self.init(baseURL: url, model: model, apiKey: apiKey, timeout: .seconds(timeout))
    }

    /// `<base>/chat/completions`; a base that already ends in /chat/completions is used as it is.
    public var completionsURL: URL {
        let text = baseURL.absoluteString
        if text.hasSuffix("/chat/completions") { return baseURL }
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        return URL(string: trimmed + "/chat/completions") ?? baseURL
    }

    /// Never includes the key, only whether one is set.
    public var description: String {
        "\(model) at \(completionsURL.absoluteString) (\(apiKey == nil ? "no API key" : "API key set"), timeout \(Int(timeout.seconds)) s)"
    }

    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// A rejected URL is echoed without anything after '?' or before '@', where credentials hide.
    static func displayText(_ text: String) -> String {
        var shown = text.split(separator: "?", maxSplits: 1).first.map(String.init) ?? text
        if let at = shown.lastIndex(of: "@"), let schemeEnd = shown.range(of: "://") {
            shown = String(shown[..<schemeEnd.upperBound]) + "…@" + String(shown[shown.index(after: at)...])
        }
        return shown
    }
}
