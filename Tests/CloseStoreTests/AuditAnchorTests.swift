@testable import CloseStore
import Foundation
import GRDB
@testable import Governance
import Testing
import PostgresSupport

/// The bar: someone with the store file edits an event and rebuilds the chain by hand (every later
/// hash, the head record, the triggers put back). The chain alone then verifies; the signed checkpoints do not.
@Suite struct AuditAnchorTests {
    let key = AuditSigningKey.generate()
    var trusted: AuditTrustedKeys { AuditTrustedKeys([key.publicKey]) }

    func trail(events: Int) throws -> (AppDatabase, DatabaseQueue) {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        try append(events, to: database)
        return (database, queue)
    }

    func append(_ count: Int, to database: AppDatabase) throws {
        for _ in 0..<count {
            try database.recordAudit(NewAuditEvent(actor: "alice", action: "adjustment.approved",
                                                   targets: [AuditTarget(model: "closer.adjustment_proposal", id: "3")],
                                                   payload: ["amount": "119410.00"]))
        }
    }

    /// What an insider does: drop the guards, run `sql`, recompute every hash from the first event on, fix the
    /// head record, put the guards back.
    func rebuild(_ queue: DatabaseQueue, _ sql: String) throws {
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_event_append_only_update; DROP TRIGGER audit_event_append_only_delete")
            try db.execute(sql: sql)
            var previous = AuditChain.genesisHash
            var last: Int64 = 0
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_event ORDER BY seq") {
                let seq: Int64 = row["seq"]
                let hash = AuditChain.hash(seq: seq, eventID: row["event_id"], recordedAt: row["recorded_at"], actor: row["actor"],
                                           action: row["action"], targets: row["targets"], payload: row["payload"], outcome: row["outcome"],
                                           previousHash: previous)
                try db.execute(sql: "UPDATE audit_event SET previous_hash = ?, hash = ? WHERE seq = ?", arguments: [previous, hash, seq])
                (previous, last) = (hash, seq)
            }
            try db.execute(sql: "DELETE FROM audit_head")
            if last > 0 { try db.execute(sql: "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)", arguments: [last, previous]) }
            try db.execute(sql: """
                CREATE TRIGGER audit_event_append_only_update BEFORE UPDATE ON audit_event
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER audit_event_append_only_delete BEFORE DELETE ON audit_event
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """)
        }
    }

    @Test func aRebuiltChainVerifiesAloneButNotAgainstItsCheckpoint() throws {
        let (unanchored, plainQueue) = try trail(events: 10)
        try rebuild(plainQueue, "UPDATE audit_event SET actor = 'mallory', payload = '{\"amount\":\"19410.00\"}' WHERE seq = 4")
        let alone = try unanchored.verifyAuditTrail()
        #expect(alone.isIntact, "the hole the checkpoints close: a rebuilt chain verifies on its own")
        #expect(alone.anchoring.status == .notConfigured)

        let (database, queue) = try trail(events: 10)
        let checkpoint = try #require(try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent"))
        #expect(checkpoint.seq == 10 && checkpoint.number == 1)
        #expect(try database.verifyAuditTrail(trusting: trusted).anchoring.status == .anchored)

        try rebuild(queue, "UPDATE audit_event SET actor = 'mallory', payload = '{\"amount\":\"19410.00\"}' WHERE seq = 4")
        let verification = try database.verifyAuditTrail(trusting: trusted)
        #expect(!verification.isIntact)
        #expect(verification.anchoring.status == .broken)
        let problem = try #require(verification.problems.first { $0.kind == .rewritten })
        #expect(problem.seq == 10 && problem.checkpoint == 1)
        #expect(problem.description.hasPrefix("event #10: no longer matches the head signed at checkpoint 1 ("))
        // Without the keys the position and hash are still compared, so a rebuilt chain never reads "intact".
        #expect(try database.verifyAuditTrail().problems.contains { $0.kind == .rewritten })
    }

    @Test func theRewriteIsLocatedBetweenTwoCheckpoints() throws {
        let (database, queue) = try trail(events: 5)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        try append(5, to: database)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        try append(2, to: database)
        try rebuild(queue, "UPDATE audit_event SET actor = 'mallory' WHERE seq = 7")
        let verification = try database.verifyAuditTrail(trusting: trusted)
        let problem = try #require(verification.problems.first { $0.kind == .rewritten })
        #expect(problem.seq == 10 && problem.checkpoint == 2)
        #expect(problem.detail.contains("an event from #6 to #10 was rewritten"))
        #expect(problem.detail.contains("event #5 still matches"))
        #expect(verification.problems.count == 1, "\(verification.problems)")
    }

    @Test func deletingTheLastEventsAndFixingTheHeadIsDetected() throws {
        let (database, queue) = try trail(events: 8)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        try rebuild(queue, "DELETE FROM audit_event WHERE seq > 5")
        let verification = try database.verifyAuditTrail(trusting: trusted)
        let problem = try #require(verification.problems.first { $0.kind == .truncated })
        #expect(problem.detail.contains("the trail ends at event #5, but checkpoint 1"))
        #expect(problem.detail.contains("events #6…#8 were removed"))
    }

    @Test func truncatingTheWholeChainIsDetected() throws {
        let (database, queue) = try trail(events: 4)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        try rebuild(queue, "DELETE FROM audit_event")
        let verification = try database.verifyAuditTrail(trusting: trusted)
        #expect(verification.eventCount == 0)
        #expect(verification.problems.contains { $0.kind == .rewritten && $0.detail.contains("every event was removed") })
    }

    @Test func aCheckpointSignedByAnUntrustedKeyIsRefused() throws {
        let (database, queue) = try trail(events: 6)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        // The insider rebuilds the chain and signs the new head with a key of their own, after deleting the real checkpoint.
        try rebuild(queue, "UPDATE audit_event SET actor = 'mallory' WHERE seq = 2")
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_checkpoint_append_only_delete; DELETE FROM audit_checkpoint")
            try db.execute(sql: "CREATE TRIGGER audit_checkpoint_append_only_delete BEFORE DELETE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'x'); END")
        }
        let insiderKey = AuditSigningKey.generate()
        try database.recordAuditCheckpoint(signingWith: insiderKey, actor: "mallory")
        let verification = try database.verifyAuditTrail(trusting: trusted)
        let refused = try #require(verification.problems.first { $0.kind == .untrustedKey })
        #expect(refused.detail.contains("signed by key \(insiderKey.publicKey.keyID), which is not among the trusted keys"))
        #expect(verification.anchoring.status == .broken)
    }

    @Test func anEditedCheckpointFailsItsSignature() throws {
        let (database, queue) = try trail(events: 6)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        try rebuild(queue, "UPDATE audit_event SET actor = 'mallory' WHERE seq = 2")
        // The insider points the signed checkpoint at the rebuilt head.
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_checkpoint_append_only_update")
            try db.execute(sql: "UPDATE audit_checkpoint SET head_hash = (SELECT hash FROM audit_head), chain_id = (SELECT hash FROM audit_event WHERE seq = 1)")
        }
        let problems = try database.verifyAuditTrail(trusting: trusted).problems
        #expect(problems.contains { $0.kind == .badSignature && $0.detail.contains("checkpoint 1") })
        #expect(problems.contains { $0.kind == .guardRemoved })
    }

    @Test func aRotatedKeyKeepsOldCheckpointsVerifiable() throws {
        let (database, _) = try trail(events: 3)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        try append(2, to: database)
        let newKey = AuditSigningKey.generate()
        try database.recordAuditCheckpoint(signingWith: newKey, actor: "closer-agent")
        let both = try database.verifyAuditTrail(trusting: AuditTrustedKeys([key.publicKey, newKey.publicKey]))
        #expect(both.isIntact && both.anchoring.status == .anchored && both.anchoring.latest?.keyID == newKey.publicKey.keyID)
        let onlyNew = try database.verifyAuditTrail(trusting: AuditTrustedKeys([newKey.publicKey]))
        #expect(onlyNew.problems.map(\.kind) == [.untrustedKey])
    }

    @Test func noCheckpointAndNoKeyMeansAnchoringIsNotConfigured() throws {
        let (database, _) = try trail(events: 3)
        let verification = try database.verifyAuditTrail(trusting: AuditTrustedKeys())
        #expect(verification.isIntact)
        #expect(verification.anchoring.status == .notConfigured)
        #expect(verification.anchoring.summary.hasPrefix("Anchoring is not configured"))
    }

    @Test func aTrustedKeyWithoutAnyCheckpointIsAProblem() throws {
        let (database, _) = try trail(events: 3)
        let verification = try database.verifyAuditTrail(trusting: trusted)
        #expect(verification.problems.map(\.kind) == [.unanchored])
    }

    @Test func checkpointsWithoutAnyTrustedKeyCannotPass() throws {
        let (database, _) = try trail(events: 3)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        #expect(try database.verifyAuditTrail(trusting: AuditTrustedKeys()).problems.map(\.kind) == [.noTrustedKey])
        #expect(try database.verifyAuditTrail().anchoring.status == .signaturesUnchecked)
    }

    @Test func aDeletedCheckpointIsNamed() throws {
        let (database, queue) = try trail(events: 2)
        for _ in 0..<3 {
            try append(1, to: database)
            try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        }
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_checkpoint_append_only_delete; DELETE FROM audit_checkpoint WHERE id = 2")
        }
        let problems = try database.verifyAuditTrail(trusting: trusted).problems
        #expect(problems.contains { $0.kind == .checkpointMissing && $0.checkpoint == 2 })
    }

    @Test func anUnchangedHeadIsNotSignedTwice() throws {
        let (database, _) = try trail(events: 2)
        let first = try database.recordAuditCheckpoint(signingWith: key, actor: "a")
        let again = try database.recordAuditCheckpoint(signingWith: key, actor: "a")
        #expect(first == again)
        #expect(try database.auditCheckpoints().count == 1)
        #expect(try AppDatabase.inMemory().recordAuditCheckpoint(signingWith: key, actor: "a") == nil)
    }

    @Test func theStoreRefusesToEditOrDeleteACheckpoint() throws {
        let (database, queue) = try trail(events: 2)
        try database.recordAuditCheckpoint(signingWith: key, actor: "a")
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit_checkpoint SET seq = 1") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_checkpoint") } }
    }

    @Test func thePrivateKeyNeverReachesTheStore() throws {
        let path = TestStore.location("anchor-\(UUID().uuidString)", in: FileManager.default.temporaryDirectory)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase.openOrCreate(at: path)
        try append(3, to: database)
        try database.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        let secret = try #require(key.fileText.split(separator: "\n").last.map(String.init))
        let bytes = try TestStore.contents(of: path)
        #expect(bytes.range(of: Data(secret.utf8)) == nil)
        #expect(bytes.range(of: key.raw) == nil)
        #expect(bytes.range(of: Data(key.publicKey.keyID.utf8)) != nil)
        #expect(!"\(key)".contains(secret) && !String(reflecting: key).contains(secret))
    }

    @Test func everyRunEndSignsTheHeadInTheSameCommit() throws {
        let store = try AppDatabase.inMemory()
        store.signAuditCheckpointsAtRunEnd(with: key)
        let run = try store.startRun(kind: "check", period: "2026-10", actor: "ann")
        #expect(try store.auditCheckpoints().isEmpty)
        try store.finishRun(run, status: .succeeded, summary: "{}", actor: "ann")
        let checkpoint = try #require(try store.latestAuditCheckpoint())
        #expect(checkpoint.seq == 2 && checkpoint.signedBy == "closer-agent")
        #expect(try store.verifyAuditTrail(trusting: trusted).anchoring.status == .anchored)
    }
}
