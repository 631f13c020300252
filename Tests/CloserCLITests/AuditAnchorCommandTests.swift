import Foundation
import PostgresSupport
import Testing

/// `closer audit keygen`, `checkpoint` and `verify` on the built binary, with the store tampered with by hand.
@Suite(.serialized) struct AuditAnchorCommandTests {
    @Test func aSignedCheckpointCatchesEventsRemovedWithTheHeadFixed() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)
        let keyFile = directory.appendingPathComponent("audit.key").path
        func closer(_ arguments: [String], _ environment: [String: String] = [:]) async throws -> CloserBinary.Result {
            try await CloserBinary.run(arguments + ["--store", store], environment: environment, in: directory)
        }

        let keygen = try await CloserBinary.run(["audit", "keygen", "--output", keyFile, "--json"], in: directory)
        #expect(keygen.status == 0, "\(keygen.all)")
        let generated = try #require(try JSONSerialization.jsonObject(with: Data(keygen.stdout.utf8)) as? [String: String])
        let publicKey = try #require(generated["publicKey"])
        let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let secret = try #require(try String(contentsOfFile: keyFile, encoding: .utf8).split(separator: "\n").last.map(String.init))
        let again = try await CloserBinary.run(["audit", "keygen", "--output", keyFile], in: directory)
        #expect(again.status != 0 && again.all.contains("never overwritten"))
        #expect(try String(contentsOfFile: keyFile, encoding: .utf8).contains(secret))

        let bootstrap = try await closer(["users", "add", "ann", "--name", "Ann", "--role", "controller"])
        #expect(bootstrap.status == 0, "\(bootstrap.all)")
        let annToken = try #require(bootstrap.stdout.split(separator: "\n").last.map(String.init))
        let plain = try await closer(["audit", "verify"])
        #expect(plain.status == 0 && plain.stdout.contains("Anchoring is not configured"), "\(plain.all)")

        let signing = ["CLOSER_AUDIT_KEY_FILE": keyFile]
        let first = try await closer(["audit", "checkpoint"], signing)
        #expect(first.status == 0 && first.stdout.hasPrefix("Checkpoint 1: event #"), "\(first.all)")
        for login in ["bob", "cid"] {
            let added = try await closer(["users", "add", login, "--name", login], signing.merging(["CLOSER_TOKEN": annToken]) { $1 })
            #expect(added.status == 0, "\(added.all)")
        }
        let second = try await closer(["audit", "checkpoint", "--json"], signing)
        let checkpoint = try #require((try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])?["checkpoint"] as? [String: Any])
        let signedSeq = try #require(checkpoint["seq"] as? Int)

        // Publishing writes to Odoo: nobody signed in, nothing is published (refused before Odoo is even asked for).
        let unsigned = try await closer(["audit", "checkpoint", "--publish", "--mode", "supervised"], signing)
        #expect(unsigned.status != 0 && unsigned.stderr.contains("to write approved work to Odoo you sign in"), "\(unsigned.all)")

        let auditor = ["CLOSER_AUDIT_PUBLIC_KEYS": publicKey]
        let anchored = try await closer(["audit", "verify"], auditor)
        #expect(anchored.status == 0 && anchored.stdout.contains("Anchored by 2 signed checkpoint(s)"), "\(anchored.all)")
        let unchecked = try await closer(["audit", "verify", "--json"])
        #expect(unchecked.status == 1 && unchecked.stdout.contains("\"noTrustedKey\""), "\(unchecked.all)")

        // The insider deletes the last two events, fixes the head record and puts the triggers back: the chain alone verifies.
        let cut = """
            DELETE FROM audit_event WHERE seq > \(signedSeq - 2);
            UPDATE audit_head SET seq = \(signedSeq - 2), hash = (SELECT hash FROM audit_event WHERE seq = \(signedSeq - 2));
            """
        try TestStore.byHand(store, sqlite: """
            DROP TRIGGER audit_event_append_only_delete;
            \(cut)
            CREATE TRIGGER audit_event_append_only_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            """, postgres: "ALTER TABLE audit_event DISABLE TRIGGER USER; \(cut) ALTER TABLE audit_event ENABLE TRIGGER USER;")
        let broken = try await closer(["audit", "verify"], auditor)
        #expect(broken.status == 1, "\(broken.all)")
        #expect(broken.stdout.contains("the trail ends at event #\(signedSeq - 2), but checkpoint 2"), "\(broken.all)")

        var everything = bootstrap.all + keygen.all + again.all + plain.all + first.all + second.all + anchored.all + unchecked.all + broken.all
        await everything += try closer(["audit", "export"]).stdout
        #expect(!everything.contains(secret))
        let storeBytes = try TestStore.contents(of: store)
        #expect(storeBytes.range(of: Data(secret.utf8)) == nil)
    }

    @Test func aKeyFileOthersCanReadIsRefusedWithoutShowingIt() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("audit.key").path
        #expect(try await CloserBinary.run(["audit", "keygen", "--output", keyFile], in: directory).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
        let secret = try #require(try String(contentsOfFile: keyFile, encoding: .utf8).split(separator: "\n").last.map(String.init))
        let store = TestStore.location("closer", in: directory)
        #expect(try await CloserBinary.run(["users", "add", "ann", "--name", "Ann", "--store", store], in: directory).status == 0)
        let refused = try await CloserBinary.run(["audit", "checkpoint", "--store", store], environment: ["CLOSER_AUDIT_KEY_FILE": keyFile], in: directory)
        #expect(refused.status != 0 && refused.all.contains("chmod 600"), "\(refused.all)")
        #expect(!refused.all.contains(secret))
    }
}
