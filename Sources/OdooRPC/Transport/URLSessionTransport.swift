import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPTransport` over Foundation's URLSession (curl-based FoundationNetworking on Linux).
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    public func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = "POST"
        urlRequest.httpBody = Data(request.body)
        urlRequest.timeoutInterval = Self.effectiveTimeout(request.timeout)
        for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
        do {
            let (data, response) = try await session.cancellableData(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw OdooError.malformedResponse("expected an HTTP response from \(request.url.hostAndPort)")
            }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                headers[String(describing: name).lowercased()] = String(describing: value)
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: [UInt8](data))
        } catch let error as URLError {
            // A cancelled task is the caller giving up (Ctrl-C, a cancelled task group), not a network fault to retry.
            if error.code == .cancelled { throw CancellationError() }
            throw Self.map(error, url: request.url, timeout: request.timeout)
        }
    }

    /// FoundationNetworking truncates the interval to whole seconds (0.4 s would time out at
    /// once), so round up to at least one second.
    static func effectiveTimeout(_ timeout: Duration) -> Double {
        max(1, timeout.seconds.rounded(.up))
    }

    /// Only the host and port go into the message: the URL's path or query could hold secrets.
    static func map(_ error: URLError, url: URL, timeout: Duration) -> OdooError {
        let host = url.hostAndPort
        switch error.code {
        case .timedOut: return .timeout(seconds: effectiveTimeout(timeout))
        case .cannotConnectToHost: return .connectionRefused(to: host)
        case .cannotFindHost, .dnsLookupFailed: return .network("\(host): host name not found")
        case .networkConnectionLost: return .network("\(host): connection reset by the server")
        case .notConnectedToInternet: return .network("\(host): no network connection")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .network("\(host): TLS handshake failed (certificate or protocol)")
        case .badServerResponse, .zeroByteResource:
            return .network("\(host): connection closed without a response")
        default: return .network("\(host): \(error.code.rawValue) \(error.localizedDescription)")
        }
    }
}

extension URL {
    var hostAndPort: String {
        let host = host ?? "?"
        return port.map { "\(host):\($0)" } ?? host
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
