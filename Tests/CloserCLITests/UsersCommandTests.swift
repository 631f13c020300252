import Foundation
import PostgresSupport
import Testing

@Suite(.serialized) struct UsersCommandTests {
    @Test func usersAreManagedBySignedInAdmins() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var people = StorePeople(store: TestStore.location("closer", in: directory), in: directory)

        // Bootstrap: the first person added becomes admin and gets a token; afterwards only a signed-in admin manages users.
        let first = try await people.run(nil, ["users", "add", "ann", "--name", "Ann Admin", "--role", "controller"])
        #expect(first.status == 0 && first.stdout.contains("ann (Ann Admin): controller, admin") && first.stdout.contains("shown once"), "\(first.all)")
        people = StorePeople(store: people.store, in: directory)
        let annToken = try #require(first.stdout.split(separator: "\n").last.map(String.init))
        let unsigned = try await people.run(nil, ["users", "add", "bob", "--name", "Bob"], environment: ["CLOSER_ACTOR": "ann"])
        #expect(unsigned.status != 0 && unsigned.stderr.contains("CLOSER_ACTOR names 'ann', but a name is not proof"), "\(unsigned.all)")
        let asAnn = ["CLOSER_TOKEN": annToken]
        for (login, role) in [("alice", "preparer"), ("bob", "approver")] {
            let added = try await people.run(nil, ["users", "add", login, "--name", login.capitalized, "--role", role, "--odoo-user", "7"], environment: asAnn)
            #expect(added.status == 0 && !added.stdout.contains("shown once"), "\(added.all)")
        }
        await #expect(try people.run(nil, ["users", "grant", "alice", "approver"], environment: asAnn).stdout.contains("alice (Alice): preparer, approver"))
        await #expect(try people.run(nil, ["users", "revoke", "alice", "approver"], environment: asAnn).stdout.contains("alice (Alice): preparer; Odoo user 7"))

        // A token is printed once; the list (a read: nobody need sign in) shows its prefix only, and it can be revoked.
        let token = try await people.run(nil, ["users", "token", "bob"], environment: asAnn)
        let secret = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.status == 0 && secret.hasPrefix("clt_") && token.stderr.contains("shown once"), "\(token.all)")
        let bobManages = try await people.run(nil, ["users", "grant", "bob", "admin"], environment: ["CLOSER_TOKEN": secret])
        #expect(bobManages.status != 0 && bobManages.stderr.contains("bob cannot do an admin's work"), "\(bobManages.all)")
        let listed = try await people.run(nil, ["users", "list", "--json"])
        let users = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(users?.map { $0["login"] as? String } == ["closer-agent", "alice", "ann", "bob"])
        #expect(!listed.stdout.contains(secret) && listed.stdout.contains(String(secret.prefix(12))))
        await #expect(try people.run(nil, ["users", "revoke-token", String(secret.prefix(12))], environment: asAnn).status == 0)
        let revoked = try await people.run(nil, ["users", "list"], environment: ["CLOSER_TOKEN": secret])
        #expect(revoked.status != 0 && revoked.stderr.contains("was revoked"), "a revoked token proves nobody, even for a read: \(revoked.all)")
        await #expect(try people.run(nil, ["users", "list"]).stdout.contains("bob (Bob): approver; Odoo user 7\n"))
    }

    /// The identity rule on the CLI: a name alone approves nothing, a token of another user is refused, the
    /// preparer cannot approve their own proposal, each role does only its work, and every refusal is audited.
    @Test func onlyAProvenUserWithTheRoleDecides() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var people = StorePeople(store: TestStore.location("closer", in: directory), in: directory)
        #expect(try await CloserBinary.run(["demo", "--lines", "3000", "--json", "--store", people.store], in: directory).status == 0)
        try await people.addFirst("carol", roles: ["controller"])
        try await people.add("alice", roles: ["preparer", "approver"], by: "carol")
        try await people.add("victor", roles: ["viewer"], by: "carol")

        // The demo drafted October already (as the OS account that ran it); September's proposal is alice's own.
        let proposed = try await people.run("alice", ["propose", "--period", "2026-09", "--json"])
        let proposals = (try JSONSerialization.jsonObject(with: Data(proposed.stdout.utf8)) as? [String: Any])?["proposals"] as? [[String: Any]]
        let id = try #require(proposals?.first?["id"] as? Int, "\(proposed.all)")
        #expect(proposals?.first?["preparedBy"] as? String == "alice")
        func status() async throws -> String? {
            let shown = try await people.run(nil, ["proposals", "show", String(id), "--json"])
            return (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["status"] as? String
        }

        let impostor = try await people.run(nil, ["approve", String(id)], environment: ["CLOSER_ACTOR": "carol"])
        #expect(impostor.status != 0 && impostor.stderr.contains("CLOSER_ACTOR names 'carol', but a name is not proof")
                && impostor.stderr.contains("CLOSER_TOKEN"), "\(impostor.all)")
        let mixed = try await people.run("alice", ["approve", String(id)], environment: ["CLOSER_ACTOR": "carol"])
        #expect(mixed.status != 0 && mixed.stderr.contains("CLOSER_ACTOR names 'carol' but CLOSER_TOKEN belongs to 'alice'"), "\(mixed.all)")
        let own = try await people.run("alice", ["approve", String(id)])
        #expect(own.status != 0 && own.stderr.contains("separation of duties: alice prepared adjustment proposal \(id)"), "\(own.all)")
        let viewer = try await people.run("victor", ["approve", String(id)])
        #expect(viewer.status != 0 && viewer.stderr.contains("victor cannot approve or reject proposals: it needs the approver or controller role"),
                "\(viewer.all)")
        await #expect(try status() == "proposed", "nothing the refused attempts did approved the proposal")

        let viewerSignsOff = try await people.run("victor", ["task", "done", "intercompany-agreed", "--comment", "fine"])
        #expect(viewerSignsOff.status != 0 && viewerSignsOff.stderr.contains("victor cannot sign off checklist tasks"), "\(viewerSignsOff.all)")
        let viewerApplies = try await people.run("victor", ["reconcile", "apply"])
        #expect(viewerApplies.status != 0 && viewerApplies.stderr.contains("victor cannot write approved work to Odoo"), "\(viewerApplies.all)")
        let viewerLocks = try await people.run("victor", ["lock", "request", "--period", "2026-10"])
        #expect(viewerLocks.status != 0 && viewerLocks.stderr.contains("victor cannot request the period lock"), "\(viewerLocks.all)")
        let nobodyRollsBack = try await people.run(nil, ["rollback", "1"])
        #expect(nobodyRollsBack.status != 0 && nobodyRollsBack.stderr.contains("to write approved work to Odoo you sign in"), "\(nobodyRollsBack.all)")

        let approved = try await people.run("carol", ["approve", String(id)])
        #expect(approved.status == 0 && approved.stdout.contains("approved \(id)"), "\(approved.all)")
        let trail = try await people.run(nil, ["audit", "export"]).stdout
        let refusals = trail.split(separator: "\n").filter { $0.contains("access.refused") }
        #expect(refusals.count == 7, "every refusal by identity or role is audited: \(refusals)")
        #expect(refusals.contains { $0.contains("claiming carol") } && refusals.contains { $0.contains("victor") })
        #expect(people.tokens.values.allSatisfy { !trail.contains($0) }, "no token in the audit trail")
    }
}
