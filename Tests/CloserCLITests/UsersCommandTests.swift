import Foundation
import Testing

@Suite(.serialized) struct UsersCommandTests {
    @Test func usersAreManagedByAnAdminAndApprovalsFollowThePolicy() throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("closer.sqlite").path
        func closer(_ arguments: [String], as actor: String) throws -> CloserBinary.Result {
            try CloserBinary.run(arguments + ["--store", store], environment: ["CLOSER_ACTOR": actor], in: directory)
        }

        // Bootstrap: the first person added becomes admin; afterwards only an admin manages users.
        let first = try closer(["users", "add", "ann", "--name", "Ann Admin", "--role", "controller"], as: "installer")
        #expect(first.status == 0 && first.stdout.contains("ann (Ann Admin): controller, admin"), "\(first.all)")
        let refused = try closer(["users", "add", "bob", "--name", "Bob"], as: "installer")
        #expect(refused.status != 0 && refused.stderr.contains("Managing users needs an admin"), "\(refused.all)")
        for (login, role) in [("alice", "preparer"), ("bob", "approver")] {
            let added = try closer(["users", "add", login, "--name", login.capitalized, "--role", role, "--odoo-user", "7"], as: "ann")
            #expect(added.status == 0, "\(added.all)")
        }
        #expect(try closer(["users", "grant", "alice", "approver"], as: "ann").stdout.contains("alice (Alice): preparer, approver"))
        #expect(try closer(["users", "revoke", "alice", "approver"], as: "ann").stdout.contains("alice (Alice): preparer; Odoo user 7"))

        // A token is printed once; the list shows its prefix only, and it can be revoked.
        let token = try closer(["users", "token", "bob"], as: "ann")
        let secret = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.status == 0 && secret.hasPrefix("clt_") && token.stderr.contains("shown once"), "\(token.all)")
        let listed = try closer(["users", "list", "--json"], as: "bob")
        let users = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(users?.map { $0["login"] as? String } == ["closer-agent", "alice", "ann", "bob"])
        #expect(!listed.stdout.contains(secret) && listed.stdout.contains(String(secret.prefix(12))))
        #expect(try closer(["users", "revoke-token", String(secret.prefix(12))], as: "ann").status == 0)
        #expect(try closer(["users", "list"], as: "bob").stdout.contains("bob (Bob): approver; Odoo user 7\n"))

        // On a pulled ledger: alice drafts, cannot approve her own proposal; an unknown user is told how to be added.
        // The store holds users now, so the demo replaces it only when told to (issue 16).
        #expect(try closer(["demo", "--lines", "3000", "--json", "--replace"], as: "alice").status == 0)
        let demoUsers = try closer(["users", "add", "carol", "--name", "Carol", "--role", "controller"], as: "installer")
        #expect(demoUsers.status == 0, "the replaced store starts fresh, so the first user is a bootstrap again: \(demoUsers.all)")
        try _ = closer(["users", "add", "alice", "--name", "Alice", "--role", "preparer", "--role", "approver"], as: "carol")
        let proposed = try closer(["propose", "--period", "2026-10", "--json"], as: "alice")
        let proposals = (try JSONSerialization.jsonObject(with: Data(proposed.stdout.utf8)) as? [String: Any])?["proposals"] as? [[String: Any]]
        let id = try #require(proposals?.first?["id"] as? Int, "\(proposed.all)")
        let own = try closer(["approve", String(id)], as: "alice")
        #expect(own.status != 0 && own.stderr.contains("separation of duties: alice prepared adjustment proposal \(id)"), "\(own.all)")
        let stranger = try closer(["approve", String(id)], as: "mallory")
        #expect(stranger.status != 0 && stranger.stderr.contains("add them with `closer users add mallory"), "\(stranger.all)")
        let approved = try closer(["approve", String(id)], as: "carol")
        #expect(approved.status == 0 && approved.stdout.contains("approved \(id)"), "\(approved.all)")
    }
}
