@testable import CloseStore
import Foundation
import GRDB
import Testing

@Suite struct AuditTrailTests {
    func trail(events: Int) throws -> (AppDatabase, DatabaseQueue) {
        let queue = try DatabaseQueue()
        let database = try AppDatabase(queue)
        for index in 1...events {
            try database.recordAudit(NewAuditEvent(actor: "alice", action: "test.event", targets: [AuditTarget(model: "account.move", id: "\(index)")],
                                                   payload: ["index": "\(index)"]))
        }
        return (database, queue)
    }

    /// Simulates someone editing the SQLite file by hand: the guard triggers must go first.
    func tamper(_ queue: DatabaseQueue, _ sql: String) throws {
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_event_append_only_update; DROP TRIGGER audit_event_append_only_delete")
            try db.execute(sql: sql)
        }
    }

    @Test func intactTrailVerifies() throws {
        let (database, _) = try trail(events: 5)
        let verification = try database.verifyAuditTrail()
        #expect(verification.isIntact)
        #expect(verification.eventCount == 5)
        #expect(try database.auditEvents().map(\.seq) == [1, 2, 3, 4, 5])
    }

    @Test func theStoreRefusesEditsAndDeletes() throws {
        let (_, queue) = try trail(events: 2)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit_event SET actor = 'mallory' WHERE seq = 1") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_event WHERE seq = 2") } }
    }

    @Test func anEditedEventIsNamed() throws {
        let (database, queue) = try trail(events: 5)
        try tamper(queue, "UPDATE audit_event SET payload = '{\"index\":\"99\"}' WHERE seq = 3")
        let verification = try database.verifyAuditTrail()
        let edited = verification.problems.filter { $0.kind == .edited }
        #expect(edited.map(\.seq) == [3])
        #expect(edited.first?.description.contains("event #3 (test.event)") == true)
        #expect(verification.problems.contains { $0.kind == .guardRemoved })
    }

    @Test func aDeletedEventIsNamed() throws {
        let (database, queue) = try trail(events: 5)
        try tamper(queue, "DELETE FROM audit_event WHERE seq = 2")
        let problems = try database.verifyAuditTrail().problems
        #expect(problems.contains { $0.kind == .missing && $0.seq == 2 })
    }

    @Test func aTruncatedTailIsNoticed() throws {
        let (database, queue) = try trail(events: 4)
        try tamper(queue, "DELETE FROM audit_event WHERE seq = 4")
        #expect(try database.verifyAuditTrail().problems.contains { $0.kind == .truncated })
    }

    @Test func reorderedEventsAreNoticed() throws {
        let (database, queue) = try trail(events: 4)
        // Swap the content of events 2 and 3, keeping their hashes valid for their own fields.
        try tamper(queue, """
            UPDATE audit_event SET seq = -2 WHERE seq = 2; UPDATE audit_event SET seq = 2 WHERE seq = 3; UPDATE audit_event SET seq = 3 WHERE seq = -2;
            """)
        let problems = try database.verifyAuditTrail().problems
        #expect(problems.contains { $0.kind == .reordered || $0.kind == .edited })
        #expect(problems.contains { $0.seq == 2 })
    }

    @Test func secretsNeverReachThePayload() throws {
        let (database, _) = try trail(events: 1)
        let event = try database.recordAudit(NewAuditEvent(actor: "alice", action: "connect",
                                                           payload: ["url": "https://erp", "password": "hunter2", "api_key": "abc"]))
        #expect(!event.payload.contains("hunter2"))
        #expect(!event.payload.contains("abc"))
        #expect(event.payload.contains("https://erp"))
    }
}
