@testable import CloseStore
import Foundation
import Governance
import Testing

/// Guessing a password gets slower with every wrong one and finally locks the account; while an
/// attempt must wait or the account is locked, even the right password is refused.
@Suite struct LoginThrottleTests {
    static let secret = "a long enough passphrase"

    static func store() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.addUser(login: "ann", name: "Ann", roles: [.admin, .controller], odooUserID: nil, actor: "os-user")
        try database.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "ann")
        try database.setPassword(secret, login: "bob", actor: "ann")
        return database
    }

    @Test func theWaitDoublesAfterTheFreeFailuresAndIsCapped() {
        let throttle = LoginThrottle(free: 5, firstWait: 1, longestWait: 900, lockAfter: 20)
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(throttle.nextAttempt(failures: 4, last: start) == start)
        #expect(throttle.nextAttempt(failures: 5, last: start) == start.addingTimeInterval(1))
        #expect(throttle.nextAttempt(failures: 8, last: start) == start.addingTimeInterval(8))
        #expect(throttle.nextAttempt(failures: 19, last: start) == start.addingTimeInterval(900))
        #expect(!throttle.locks(failures: 19) && throttle.locks(failures: 20))
    }

    @Test func twentyWrongPasswordsCannotBeFollowedByAFasterGuessAndTheRightOneIsRefusedWhileLocked() throws {
        let database = try Self.store()
        var clock = Date(timeIntervalSince1970: 1_790_000_000)
        var refusedWithoutChecking = 0
        for attempt in 1...20 {
            do {
                _ = try database.startWebSession(.password(login: "bob", password: "guess \(attempt)"), at: clock)
                Issue.record("a wrong password was accepted")
            } catch UserError.loginWait {
                refusedWithoutChecking += 1   // too soon: the guess was not even tried
                clock = clock.addingTimeInterval(1_000)
                _ = try? database.startWebSession(.password(login: "bob", password: "guess \(attempt)"), at: clock)
            } catch UserError.loginRefused {
            }
            clock = clock.addingTimeInterval(0.5)
        }
        // Half a second after the 20th failure: the right password is refused, the account is locked.
        #expect(throws: UserError.accountLocked("bob")) { _ = try database.startWebSession(.password(login: "bob", password: Self.secret), at: clock) }
        #expect(refusedWithoutChecking > 0, "guesses faster than the back-off are refused unchecked")
        let failures = try database.auditEvents().filter { $0.action == "user.login.failed" || $0.action == "user.login.locked" }
        #expect(failures.count == 20 && failures.last?.action == "user.login.locked")

        #expect(throws: UserError.adminRequired(actor: "bob")) { try database.unlockLogin("bob", actor: "bob") }
        try database.unlockLogin("bob", actor: "ann")
        #expect(try database.startWebSession(.password(login: "bob", password: Self.secret), at: clock).session.user.login == "bob")
        #expect(try database.auditEvents().contains { $0.action == "user.login.unlocked" && $0.actor == "ann" })
    }

    @Test func aGuessTooSoonIsRefusedEvenWhenItIsRight() throws {
        let database = try Self.store()
        let clock = Date(timeIntervalSince1970: 1_790_000_000)
        for attempt in 0..<5 {
            #expect(throws: UserError.loginRefused) {
                _ = try database.startWebSession(.password(login: "bob", password: "wrong"), at: clock.addingTimeInterval(Double(attempt)))
            }
        }
        #expect(throws: UserError.loginWait(seconds: 1)) {
            _ = try database.startWebSession(.password(login: "bob", password: Self.secret), at: clock.addingTimeInterval(4))
        }
        #expect(try database.startWebSession(.password(login: "bob", password: Self.secret), at: clock.addingTimeInterval(5)).session.user.login == "bob")
    }
}
