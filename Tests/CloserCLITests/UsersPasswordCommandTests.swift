import Foundation
import PostgresSupport
import Testing

@Suite struct UsersPasswordCommandTests {
    /// An admin sets a dashboard password from the environment (never a flag); it is not printed or audited.
    @Test func anAdminSetsAPasswordFromTheEnvironment() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)
        let secret = "a passphrase nobody guesses"
        var people = StorePeople(store: store, in: directory)
        try await people.addFirst("ann")
        try await people.add("bob", roles: ["approver"], by: "ann")
        func closer(_ arguments: [String], as actor: String, password: String? = nil) async throws -> CloserBinary.Result {
            try await people.run(actor, arguments, environment: password.map { ["CLOSER_NEW_PASSWORD": $0] } ?? [:])
        }

        let refused = try await closer(["users", "password", "ann"], as: "bob", password: secret)
        #expect(refused.status != 0 && refused.stderr.contains("bob cannot do an admin's work"), "\(refused.all)")
        let flag = try await closer(["users", "password", "bob", "--password", secret], as: "ann", password: secret)
        #expect(flag.status != 0, "a password flag would leave the secret in the shell history: \(flag.all)")
        let set = try await closer(["users", "password", "bob"], as: "ann", password: secret)
        #expect(set.status == 0 && set.stdout == "password set for bob\n" && !set.all.contains(secret), "\(set.all)")

        let trail = try await closer(["audit", "export"], as: "ann")
        #expect(trail.stdout.contains("user.password.set") && !trail.stdout.contains(secret), "\(trail.all)")
    }
}
