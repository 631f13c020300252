import FirmDirectory
import Foundation
import HTTPTypes
import Hummingbird

/// Who asks the console: the API takes a member's token as `Authorization: Bearer clf_…` and nothing else (so no
/// page of another site can make a browser call it); pages take the cookie the sign-in sets (HttpOnly, SameSite=Strict).
enum ConsoleAccess {
    static let cookie = "closer_firm"

    /// The member behind the API call; 401 without a valid token.
    static func apiMember(_ request: Request, in directory: PostgresFirmDirectory) async throws -> FirmMember {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, message: "Send a firm console token as Authorization: Bearer clf_… (`closer firm-users token LOGIN` issues one).")
        }
        return try await member(token: String(header.dropFirst(7)), in: directory)
    }

    /// The member signed in on this browser, or nil (the page then sends them to the sign-in).
    static func pageMember(_ request: Request, in directory: PostgresFirmDirectory) async throws -> FirmMember? {
        guard let token = request.cookies[cookie]?.value, !token.isEmpty else { return nil }
        do { return try await member(token: token, in: directory) } catch let error as HTTPError where error.status == .unauthorized { return nil }
    }

    static func member(token: String, in directory: PostgresFirmDirectory) async throws -> FirmMember {
        do {
            return try await directory.member(authenticatedBy: token)
        } catch let error as FirmDirectoryError {
            switch error {
            case .unknownToken, .revokedToken, .inactiveMember: throw HTTPError(.unauthorized, message: error.localizedDescription)
            default: throw HTTPError(.serviceUnavailable, message: error.localizedDescription)
            }
        }
    }

    static func signedIn(token: String, secure: Bool) -> Response {
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(Cookie(name: cookie, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
        return response
    }

    static func signedOut() -> Response {
        var response = Response(status: .seeOther, headers: [.location: "/sign-in"])
        response.setCookie(Cookie(name: cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    static func toSignIn() -> Response { Response(status: .seeOther, headers: [.location: "/sign-in"]) }
}
