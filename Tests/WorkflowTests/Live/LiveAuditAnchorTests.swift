@testable import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import GRDB
import OdooLedger
import OdooRPC
import Testing

/// Publishing the audit head on the company's chatter in a real Odoo, when CLOSER_TEST_ODOO_URL, _DB, _USER and
/// _PASSWORD are set. Each run signs a new chain, so its marker is new; its notes are deleted afterwards.
@Suite(.serialized, .liveOdoo)
struct LiveAuditAnchorTests {
    let key = AuditSigningKey.generate()
    var trusted: AuditTrustedKeys { AuditTrustedKeys([key.publicKey]) }

    func notes(_ marker: String, settings: OdooSettings) async throws -> [Int] {
        try await OdooGateway.client(settings).search("mail.message", domain: [["body", "ilike", .string(marker)]])
    }

    @Test func aCheckpointIsPublishedOnceAndAHeadRewrittenInTheStoreIsCaught() async throws {
        let settings = try #require(LiveOdooSettings.settings(mode: "supervised"))
        let queue = try DatabaseQueue()
        let store = try AppDatabase(queue)
        for index in 1...5 { try store.recordAudit(NewAuditEvent(actor: "live-test", action: "test.event", payload: ["index": "\(index)"])) }
        let checkpoint = try #require(try store.recordAuditCheckpoint(signingWith: key, actor: "live-test"))
        let marker = AuditHeadNote.marker(for: checkpoint)
        do {
            let first = try await AuditHeadPublisher(store: store, settings: settings, actor: "live-test").publish(checkpoint)
            #expect(first.posted)
            // A rerun, as a new process would: Odoo is searched for the marker, nothing is posted twice.
            let rerun = try await AuditHeadPublisher(store: store, settings: settings, actor: "live-test").publish(checkpoint)
            #expect(!rerun.posted && rerun.messageID == first.messageID)
            #expect(try await notes(marker, settings: settings) == [first.messageID])

            let audit = try #require(LiveOdooSettings.settings)   // verifying only reads: audit mode is enough
            let clean = try await PublishedHeadVerifier(store: store, settings: audit).verify(trusting: trusted)
            #expect(clean.checked == 1 && clean.problems.isEmpty, "\(clean.problems)")

            // The insider removes the last events, fixes the head and deletes the checkpoints: the store alone says intact.
            try await queue.write { db in
                try db.execute(sql: """
                    DROP TRIGGER audit_event_append_only_delete; DROP TRIGGER audit_checkpoint_append_only_delete;
                    DELETE FROM audit_event WHERE seq > 4; DELETE FROM audit_checkpoint;
                    UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_event WHERE seq = 4);
                    CREATE TRIGGER audit_event_append_only_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'x'); END;
                    CREATE TRIGGER audit_checkpoint_append_only_delete BEFORE DELETE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'x'); END;
                    """)
            }
            #expect(try store.verifyAuditTrail().isIntact)
            let caught = try await PublishedHeadVerifier(store: store, settings: audit).verify(trusting: trusted)
            #expect(caught.problems.contains { $0.kind == .truncated && $0.detail.contains("the head published in Odoo on") }, "\(caught.problems)")
            #expect(caught.problems.contains { $0.kind == .checkpointMissing })
        }
        let ids = try await notes(marker, settings: settings)
        if !ids.isEmpty { try await OdooGateway.client(settings).unlink("mail.message", ids: ids) }
    }

    @Test func auditModeNeverPublishes() throws {
        let settings = try #require(LiveOdooSettings.settings)
        #expect(throws: OperatingModeError.self) { try AuditHeadPublisher(store: try AppDatabase.inMemory(), settings: settings, actor: "live-test") }
    }
}

/// The note's text carries the signed head back out of Odoo's HTML.
@Suite struct AuditHeadNoteTests {
    @Test func theSignedHeadSurvivesOdoosMarkup() throws {
        let store = try AppDatabase.inMemory()
        try store.recordAudit(NewAuditEvent(actor: "ann", action: "test.event"))
        let key = AuditSigningKey.generate()
        let checkpoint = try #require(try store.recordAuditCheckpoint(signingWith: key, actor: "ann"))
        let html = "<p>" + AuditHeadNote.body(for: checkpoint).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        let head = try #require(AuditHeadNote.signedHead(in: html, messageID: 812, date: "2026-12-04 19:00:00"))
        #expect(head.statement == checkpoint.statement && head.signature == checkpoint.signature && head.checkpoint == 1)
        #expect(head.label == "the head published in Odoo on 2026-12-04 19:00:00 UTC (message 812, checkpoint 1)")
        #expect(key.publicKey.isValidSignature(head.signature, of: head.statement))
        #expect(AuditHeadNote.signedHead(in: "<p>a note about something else</p>", messageID: 1, date: "") == nil)
    }
}
