import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A browser reduced to what the plain HTTP tests need: it keeps the cookies it is given, does not
/// follow redirects (the tests look at them), and posts forms.
final class DashboardClient: @unchecked Sendable {
    struct Page {
        var status: Int
        var location: String?
        var body: String
    }

    let baseURL: URL
    private var cookies: [String: String] = [:]
    private let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)

    init(baseURL: URL) { self.baseURL = baseURL }

    func cookie(_ name: String) -> String? { cookies[name] }

    func get(_ path: String) async throws -> Page {
        try await send(URLRequest(url: URL(string: path, relativeTo: baseURL)!))
    }

    func post(_ path: String, form: [String: String]) async throws -> Page {
        var request = URLRequest(url: URL(string: path, relativeTo: baseURL)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(form.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&").utf8)
        return try await send(request)
    }

    /// Signs in through the login form (its double-submit token included); returns the answer to the POST.
    @discardableResult
    func signIn(login: String, password: String) async throws -> Page {
        let form = try await get("/login")
        return try await post("/login", form: ["login": login, "password": password, "csrf": try Self.csrfToken(in: form.body)])
    }

    /// The CSRF token of the first form on a page.
    static func csrfToken(in html: String) throws -> String {
        guard let field = html.range(of: #"name="csrf" value=""#) else { throw ClientError.noCSRFField }
        let rest = html[field.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    private func send(_ request: URLRequest) async throws -> Page {
        var request = request
        request.httpShouldHandleCookies = false
        if !cookies.isEmpty {
            request.setValue(cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), forHTTPHeaderField: "Cookie")
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw ClientError.notHTTP }
        for header in Self.setCookieHeaders(http) {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if header.lowercased().contains("max-age=0") { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        return Page(status: http.statusCode, location: http.value(forHTTPHeaderField: "Location"), body: String(decoding: data, as: UTF8.self))
    }

    /// Foundation folds repeated Set-Cookie headers into one, comma-separated; cookie values here never hold commas.
    private static func setCookieHeaders(_ response: HTTPURLResponse) -> [String] {
        guard let folded = response.value(forHTTPHeaderField: "Set-Cookie") else { return [] }
        return folded.components(separatedBy: ", ").filter { $0.contains("=") && !$0.hasPrefix(" ") }
    }

    enum ClientError: Error { case notHTTP, noCSRFField }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
