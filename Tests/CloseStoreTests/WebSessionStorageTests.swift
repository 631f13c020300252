@testable import CloseStore
import Foundation
import Governance
import Testing

@Suite struct WebSessionStorageTests {
    /// RFC 7914's PBKDF2-HMAC-SHA256 vectors (section 11) and the common ones for "password"/"salt".
    @Test func pbkdf2MatchesTheReferenceVectors() {
        #expect(PBKDF2.sha256(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 1).hex
                    == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
        #expect(PBKDF2.sha256(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 2).hex
                    == "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")
        #expect(PBKDF2.sha256(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 4096).hex
                    == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
        #expect(PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, byteCount: 64).hex
                    == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
        #expect(PBKDF2.sha256(password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80_000, byteCount: 64).hex
                    == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
    }

    /// A hash stored by the hand-written PBKDF2 loop Closer used before swift-crypto's (same salt, rounds and password)
    /// still signs its owner in, and only its owner.
    @Test func aHashStoredByTheEarlierImplementationStillVerifies() throws {
        let stored = PasswordHash(salt: Array(0..<16), iterations: 210_000,
                                  hash: try #require([UInt8](hex: "18465cade096c185b5f60765891fca3f74477e23fd9b6fc88faf7831a91753ac")))
        #expect(stored.matches("correct horse battery staple"))
        #expect(!stored.matches("correct horse battery stapler"))
    }

    @Test func aPasswordIsStoredHashedSetByAnAdminAndAuditedWithoutTheSecret() throws {
        let database = try AppDatabase.inMemory()
        try database.addUser(login: "ann", name: "Ann", roles: [.controller], odooUserID: nil, actor: "os-user")
        try database.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "ann")
        let secret = "a long enough passphrase"
        #expect(throws: UserError.adminRequired(actor: "bob")) { try database.setPassword(secret, login: "bob", actor: "bob") }
        #expect(throws: UserError.weakPassword(minimumLength: 12)) { try database.setPassword("short", login: "bob", actor: "ann") }
        try database.setPassword(secret, login: "bob", actor: "ann")

        let stored = try database.writer.read { db in try StoreRow.fetchOne(db, sql: "SELECT * FROM user_password")! }
        #expect((stored["iterations"] as Int) >= 100_000 && (stored["hash"] as String).count == 64)
        let event = try #require(try database.auditEvents().last)
        #expect(event.action == "user.password.set" && event.actor == "ann")
        #expect(!event.payload.contains(secret) && !event.payload.contains(stored["hash"] as String))
    }

    @Test func aSessionStartsWithThePasswordOrATokenKeepsOnlyItsHashAndEnds() throws {
        let database = try AppDatabase.inMemory()
        try database.addUser(login: "ann", name: "Ann", roles: [.approver], odooUserID: nil, actor: "os-user")
        try database.setPassword("a long enough passphrase", login: "ann", actor: "ann")
        let eventsBefore = try database.auditEvents().count

        #expect(throws: UserError.loginRefused) { try database.startWebSession(.password(login: "ann", password: "wrong password here")) }
        #expect(throws: UserError.loginRefused) { try database.startWebSession(.password(login: "nobody", password: "a long enough passphrase")) }
        #expect(throws: UserError.loginRefused) { try database.startWebSession(.apiToken("clt_not-a-token")) }
        // Issue 23: a wrong password is audited (and counted), nothing else changes; a bad token is refused silently.
        #expect(try database.auditEvents().dropFirst(eventsBefore).map(\.action) == ["user.login.failed", "user.login.failed"])

        let started = try database.startWebSession(.password(login: "ann", password: "a long enough passphrase"))
        #expect(try database.webSession(id: started.id) == started.session)
        let kept = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT session_sha256 FROM web_session") }
        #expect(kept.count == 1 && kept[0].count == 64 && kept[0] != started.id)
        #expect(try database.webSession(id: started.id, at: Date().addingTimeInterval(AppDatabase.webSessionIdleLimit + 60)) == nil)

        let token = try database.issueToken(login: "ann", actor: "ann")
        let byToken = try database.startWebSession(.apiToken(token.token))
        #expect(byToken.session.user.login == "ann" && byToken.session.csrfToken != started.session.csrfToken)

        try database.endWebSession(id: started.id)
        #expect(try database.webSession(id: started.id) == nil)
        #expect(try database.auditEvents().suffix(3).map(\.action) == ["user.token.issued", "user.login", "user.logout"])
    }
}
