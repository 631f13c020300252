import Ledger
import OdooRPC
public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One message of a chat completion request.
public struct ChatMessage: Sendable, Codable, Hashable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// The body POSTed to `/chat/completions`: the model, the messages, and temperature 0. Nothing else
/// leaves the process; the key travels only in the Authorization header.
public struct ChatCompletionRequest: Sendable, Codable, Hashable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Int

    public init(model: String, messages: [ChatMessage], temperature: Int = 0) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
    }

    /// The exact bytes sent (sorted keys, so the same request is always the same text).
    public var body: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// The first choice of a chat completion answer.
public struct ChatCompletion: Sendable, Hashable {
    public var content: String
    /// "stop", or "length" when the model was cut off.
    public var finishReason: String?

    public init(content: String, finishReason: String? = nil) {
        self.content = content
        self.finishReason = finishReason
    }
}

/// Why a chat completion could not be had, in one line a user can act on; never the key.
public enum ChatCompletionError: Error, Sendable, Hashable, CustomStringConvertible {
    case connectionRefused(host: String)
    case timeout(host: String, seconds: Int)
    case network(host: String, detail: String)
    case http(status: Int, host: String, path: String, keySent: Bool)
    case malformed(host: String, detail: String)

    public var description: String {
        switch self {
        case .connectionRefused(let host):
            return "connection refused by \(host): is the narrative endpoint running? (narrative.url)"
        case .timeout(let host, let seconds):
            return "no answer from \(host) within \(seconds) s (narrative.timeout_seconds)"
        case .network(let host, let detail):
            return "network error reaching \(host): \(detail)"
        case .http(let status, let host, let path, let keySent):
            let why = switch status {
            case 401, 403: keySent ? "the API key was refused (narrative.api_key)" : "the endpoint wants an API key (narrative.api_key)"
            case 404: "no chat completions at \(path), or no such model (narrative.url, narrative.model)"
            case 429: "rate limited or out of quota"
            case 500...599: "the endpoint failed (server error)"
            default: "unexpected status"
            }
            return "HTTP \(status) from \(host): \(why)"
        case .malformed(let host, let detail):
            return "the answer from \(host) is not a chat completion: \(detail)"
        }
    }

    /// Whether every further request of the same run would fail the same way, so none is sent.
    public var endsRun: Bool {
        switch self {
        case .connectionRefused, .timeout, .network: true
        case .http(let status, _, _, _): [401, 403, 404, 429].contains(status)
        case .malformed: false
        }
    }
}

/// POSTs chat completion requests to an OpenAI-compatible endpoint (OpenAI, Ollama, llama.cpp,
/// vLLM…) with Foundation's URLSession, a timeout, and a bearer key when one is set.
public struct ChatCompletionClient: Sendable {
    public var url: URL
    public var timeout: Duration
    private let apiKey: String?
    private let session: URLSession

    public init(url: URL, apiKey: String?, timeout: Duration) {
        self.url = url
        self.apiKey = apiKey
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout.timeoutSeconds
        configuration.timeoutIntervalForResource = timeout.timeoutSeconds
        session = URLSession(configuration: configuration)
    }

    public init(settings: NarrativeSettings) {
        self.init(url: settings.completionsURL, apiKey: settings.apiKey, timeout: settings.timeout)
    }

    public func complete(_ request: ChatCompletionRequest) async throws(ChatCompletionError) -> ChatCompletion {
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = timeout.timeoutSeconds
        urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        if let apiKey { urlRequest.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        let data: Data, response: URLResponse
        do {
            (data, response) = try await session.cancellableData(for: urlRequest)
        } catch let error as URLError {
            throw map(error)
        } catch {
            throw .network(host: host, detail: error is CancellationError ? "cancelled" : "the request failed")
        }
        guard let http = response as? HTTPURLResponse else { throw .malformed(host: host, detail: "no HTTP response") }
        guard (200..<300).contains(http.statusCode) else {
            throw .http(status: http.statusCode, host: host, path: url.path, keySent: apiKey != nil)
        }
        return try Self.decode(data, host: host)
    }

    static func decode(_ data: Data, host: String) throws(ChatCompletionError) -> ChatCompletion {
        struct Answer: Decodable {
            struct Choice: Decodable {
                struct Message: Decodable { var content: String? }
                var message: Message?
                var finish_reason: String?
            }
            var choices: [Choice]?
        }
        let answer: Answer
        do { answer = try JSONDecoder().decode(Answer.self, from: data) } catch {
            throw .malformed(host: host, detail: data.isEmpty ? "an empty body" : "malformed JSON (\(data.count) bytes)")
        }
        guard let choice = answer.choices?.first else { throw .malformed(host: host, detail: "no choices in the answer") }
        guard let content = choice.message?.content else { throw .malformed(host: host, detail: "the first choice has no message content") }
        return ChatCompletion(content: content, finishReason: choice.finish_reason)
    }

    /// Only host and port appear in errors.
    var host: String {
        let name = url.host ?? "?"
        return url.port.map { "\(name):\($0)" } ?? name
    }

    private func map(_ error: URLError) -> ChatCompletionError {
        switch error.code {
        case .timedOut: .timeout(host: host, seconds: Int(timeout.timeoutSeconds))
        case .cannotConnectToHost: .connectionRefused(host: host)
        case .cannotFindHost, .dnsLookupFailed: .network(host: host, detail: "host name not found")
        case .networkConnectionLost: .network(host: host, detail: "connection reset by the server")
        case .notConnectedToInternet: .network(host: host, detail: "no network connection")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            .network(host: host, detail: "TLS handshake failed (certificate or protocol)")
        case .badServerResponse, .zeroByteResource: .network(host: host, detail: "connection closed without a response")
        case .cancelled: .network(host: host, detail: "cancelled")
        default: .network(host: host, detail: "URL error \(error.code.rawValue)")
        }
    }

}
