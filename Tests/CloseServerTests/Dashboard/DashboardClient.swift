import Foundation

/// A browser reduced to what the plain HTTP tests need: it keeps the cookies it is given, does not
/// follow redirects (the tests look at them), and posts forms.
final class DashboardClient: @unchecked Sendable {
    struct Page {
        var status: Int
        var location: String?
        var body: String
    }

    let server: TestServer
    private var cookies: [String: String] = [:]

    init(server: TestServer) { self.server = server }

    func cookie(_ name: String) -> String? { cookies[name] }

    func get(_ path: String) async throws -> Page {
        try await send("GET", path, body: nil, headers: [:])
    }

    func post(_ path: String, form: [String: String]) async throws -> Page {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = Data(form.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&").utf8)
        return try await send("POST", path, body: body, headers: ["Content-Type": "application/x-www-form-urlencoded"])
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

    private func send(_ method: String, _ path: String, body: Data?, headers: [String: String]) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty { headers["Cookie"] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let reply = try await server.send(method, path, body: body, headers: headers)
        for header in Self.setCookieHeaders(reply) {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if header.lowercased().contains("max-age=0") { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        return Page(status: reply.status, location: reply.headers["location"], body: reply.text)
    }

    /// Repeated Set-Cookie headers come folded into one, comma-separated; cookie values here never hold commas.
    private static func setCookieHeaders(_ reply: TestServer.Reply) -> [String] {
        guard let folded = reply.headers["set-cookie"] else { return [] }
        return folded.components(separatedBy: ", ").filter { $0.contains("=") && !$0.hasPrefix(" ") }
    }

    enum ClientError: Error { case noCSRFField }
}
