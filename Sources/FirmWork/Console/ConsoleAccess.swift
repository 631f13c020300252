import FirmDirectory
import Foundation
import HTTPTypes
import Hummingbird

/// Who asks the console: the API takes a member's token as `Authorization: Bearer clf_…` and nothing else (so no
/// page of another site can make a browser call it); pages take the session the sign-in starts, whose id the browser
/// keeps in a cookie (HttpOnly, SameSite=Strict). The token itself never reaches the cookie.
enum ConsoleAccess {
    static let cookie = "closer_firm_session"
    /// How long a sign-in lasts: a working day.
    static let sessionLength = Duration.seconds(12 * 3600)

    /// The member behind the API call; 401 without a valid token.
    static func apiMember(_ request: Request, in directory: PostgresFirmDirectory) async throws -> FirmMember {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, message: "Send a firm console token as Authorization: Bearer clf_… (`closer firm-users token LOGIN` issues one).")
        }
        return try await member(token: String(header.dropFirst(7)), in: directory)
    }

    /// The member signed in on this browser, or nil (the page then sends them to the sign-in).
    static func pageMember(_ request: Request, in directory: PostgresFirmDirectory) async throws -> FirmMember? {
        guard let session = request.cookies[cookie]?.value, !session.isEmpty else { return nil }
        do {
            return try await directory.member(session: session)
        } catch let error as FirmDirectoryError {
            switch error {
            case .unknownToken, .inactiveMember, .unknownMember: return nil
            default: throw HTTPError(.serviceUnavailable, message: error.localizedDescription)
            }
        }
    }

    /// The member a token belongs to; 401 for a token that is unknown, revoked or a deactivated member's.
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

    /// Starts `member`'s session and answers with its cookie, sending the browser to the heat map.
    static func signIn(_ member: FirmMember, in directory: PostgresFirmDirectory, secure: Bool) async throws -> Response {
        let session = try await available { try await directory.startSession(login: member.login, lasting: sessionLength) }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(Cookie(name: cookie, value: session, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
        return response
    }

    /// Ends the browser's session, if any, and clears its cookie.
    static func signOut(_ request: Request, in directory: PostgresFirmDirectory) async throws -> Response {
        if let session = request.cookies[cookie]?.value, !session.isEmpty { try await available { try await directory.endSession(session) } }
        var response = Response(status: .seeOther, headers: [.location: "/sign-in"])
        response.setCookie(Cookie(name: cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    static func toSignIn() -> Response { Response(status: .seeOther, headers: [.location: "/sign-in"]) }

    /// The directory's failures (its database down) as 503 with its sentence.
    static func available<Result>(_ body: () async throws -> Result) async throws -> Result {
        do { return try await body() } catch let error as FirmDirectoryError { throw HTTPError(.serviceUnavailable, message: error.localizedDescription) }
    }
}
