import Foundation
import Testing

@Suite struct UsersPasswordCommandTests {
    /// An admin sets a dashboard password from the environment (never a flag); it is not printed or audited.
    @Test func anAdminSetsAPasswordFromTheEnvironment() throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("closer.sqlite").path
        let secret = "a passphrase nobody guesses"
        func closer(_ arguments: [String], as actor: String, password: String? = nil) throws -> CloserBinary.Result {
            var environment = ["CLOSER_ACTOR": actor]
            environment["CLOSER_NEW_PASSWORD"] = password
            return try CloserBinary.run(arguments + ["--store", store], environment: environment, in: directory)
        }
        #expect(try closer(["users", "add", "ann", "--name", "Ann"], as: "installer").status == 0)
        #expect(try closer(["users", "add", "bob", "--name", "Bob", "--role", "approver"], as: "ann").status == 0)

        let refused = try closer(["users", "password", "ann"], as: "bob", password: secret)
        #expect(refused.status != 0 && refused.stderr.contains("Managing users needs an admin"), "\(refused.all)")
        let flag = try closer(["users", "password", "bob", "--password", secret], as: "ann", password: secret)
        #expect(flag.status != 0, "a password flag would leave the secret in the shell history: \(flag.all)")
        let set = try closer(["users", "password", "bob"], as: "ann", password: secret)
        #expect(set.status == 0 && set.stdout == "password set for bob\n" && !set.all.contains(secret), "\(set.all)")

        let trail = try closer(["audit", "export"], as: "ann")
        #expect(trail.stdout.contains("user.password.set") && !trail.stdout.contains(secret), "\(trail.all)")
    }
}
