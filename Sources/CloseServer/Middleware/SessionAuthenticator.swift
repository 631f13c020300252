import CloseStore
import Governance
import Foundation
import Hummingbird

/// Finds the dashboard session behind a request's cookie and checks the CSRF token of its forms.
/// The cookie is HttpOnly (no script reads it) and SameSite=Strict (no other site sends it).
struct SessionAuthenticator: Sendable {
    static let sessionCookie = "closer_session"
    /// Login has no session yet, so its form is protected by a double-submit token: a cookie and a
    /// hidden field that must agree.
    static let loginCookie = "closer_login"

    var store: AppDatabase
    var secureCookies: Bool

    func session(for request: Request) throws -> WebSession? {
        guard let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty else { return nil }
        return try store.webSession(id: id)
    }

    func sessionID(of request: Request) -> String? {
        request.cookies[Self.sessionCookie]?.value
    }

    /// Refuses a form whose hidden `csrf` field is missing or is not the session's token.
    func verifyCSRF(_ form: FormFields, session: WebSession) throws {
        guard let sent = form["csrf"], ConstantTime.equal(sent, session.csrfToken) else { throw Self.csrfRefused }
    }

    func verifyLoginCSRF(_ form: FormFields, request: Request) throws {
        guard let sent = form["csrf"], let expected = request.cookies[Self.loginCookie]?.value,
              ConstantTime.equal(sent, expected) else { throw Self.csrfRefused }
    }

    func cookie(_ name: String, value: String) -> Cookie {
        Cookie(name: name, value: value, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that makes the browser forget `name` at once.
    func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    static let csrfRefused = APIError(.forbidden, code: "csrf_refused",
                                      "This form is out of date or did not come from this dashboard: reload the page and try again.")
}
