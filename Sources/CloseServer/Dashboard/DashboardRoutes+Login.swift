import CloseStore
import Governance
import OdooRPC
import Foundation
import Hummingbird
import Markup

extension DashboardRoutes {
    /// Sign in with a login and password or with an API token; sign out from any page.
    func registerLogin(on router: Router<CloserRequestContext>) {
        router.get("/login") { request, _ in
            if try sessions.session(for: request) != nil { return Self.redirect(to: "/") }
            return loginPage(notice: nil, status: .ok)
        }
        router.post("/login") { request, context in
            let fields = try await FormFields.read(request)
            do {
                try sessions.verifyLoginCSRF(fields, request: request)
            } catch {
                return Self.errorPage(error, session: nil, context: context).response()
            }
            let credential: LoginCredential = if let token = fields["token"] {
                .apiToken(token)
            } else {
                .password(login: fields["login"] ?? "", password: fields.values["password"] ?? "")
            }
            if let wait = signInThrottle.wait(for: context.remoteAddress) {
                return loginPage(notice: .init(text: APIError.throttled(seconds: wait).message, isError: true), status: .tooManyRequests)
            }
            let started: StartedWebSession
            do {
                started = try store.startWebSession(credential)
                signInThrottle.recordSuccess(from: context.remoteAddress)
            } catch let error as UserError {
                let failures = signInThrottle.recordFailure(from: context.remoteAddress)
                if case .apiToken = credential { try store.recordTokenRefusal(from: context.remoteAddress, reason: error.description, failuresInARow: failures) }
                return loginPage(notice: .init(text: error.description, isError: true), status: .unauthorized)
            }
            var response = Self.redirect(to: "/")
            response.setCookie(sessions.cookie(SessionAuthenticator.sessionCookie, value: started.id))
            response.setCookie(sessions.expired(SessionAuthenticator.loginCookie))
            return response
        }
        router.post("/logout") { request, context in
            guard let session = try sessions.session(for: request), let id = sessions.sessionID(of: request) else {
                return Self.redirect(to: "/login")
            }
            do {
                try sessions.verifyCSRF(try await FormFields.read(request), session: session)
            } catch {
                return Self.errorPage(error, session: session, context: context).response()
            }
            try store.endWebSession(id: id)
            var response = Self.redirect(to: "/login")
            response.setCookie(sessions.expired(SessionAuthenticator.sessionCookie))
            return response
        }
    }

    /// The login form, with a fresh double-submit token in a cookie and in each form.
    private func loginPage(notice: HTMLPage.Notice?, status: HTTPResponse.Status) -> Response {
        let token = RandomToken.hex(bytes: 32)
        let csrf: HTML = #"<input type="hidden" name="csrf" value="\#(token)">"#
        let body: HTML = """
            <div class="columns"><form method="post" action="/login" class="card" id="password-login"><h2>Login and password</h2>
            <p><label>Login<br><input type="text" name="login" id="login" autocomplete="username" required></label></p>
            <p><label>Password<br><input type="password" name="password" id="password" autocomplete="current-password" required></label></p>
            \(csrf)<button type="submit" id="sign-in">Sign in</button>
            <p><small>An admin sets a password with <code>closer users password LOGIN</code>.</small></p></form>
            <form method="post" action="/login" class="card" id="token-login"><h2>API token</h2>
            <p><label>Token<br><input type="password" name="token" autocomplete="off" required></label></p>
            \(csrf)<button type="submit">Sign in with the token</button>
            <p><small>An admin issues one with <code>closer users token LOGIN</code>.</small></p></form></div>
            """
        var response = HTMLPage(title: "Sign in", session: nil, status: status, notice: notice, body: body).response()
        response.setCookie(sessions.cookie(SessionAuthenticator.loginCookie, value: token))
        return response
    }
}
