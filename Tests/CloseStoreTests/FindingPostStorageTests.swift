@testable import CloseStore
import Testing
import Ledger

@Suite struct FindingPostStorageTests {
    func post(message: Int, model: String = "account.move", resID: Int = 7, foundInOdoo: Bool = false) -> FindingPost {
        FindingPost(sourceKey: "odoo:http://x#db/company=1", fingerprint: "draft-in-period|account.move#7", model: model, resID: resID,
                    checkID: "draft-in-period", period: "2026-10", threadModel: "account.move", threadID: 7,
                    messageID: message, activityID: 90 + message, foundInOdoo: foundInOdoo)
    }

    @Test func aPostIsRecordedOnceWithOneAuditEvent() throws {
        let database = try AppDatabase.inMemory()
        let first = post(message: 1)
        #expect(try database.findingPost(sourceKey: first.sourceKey, fingerprint: first.fingerprint, model: "account.move", resID: 7) == nil)

        #expect(try database.recordFindingPost(first, actor: "tester") == first)
        // A second record of the same finding on the same record keeps the first one and audits nothing.
        #expect(try database.recordFindingPost(post(message: 2, foundInOdoo: true), actor: "tester") == first)
        #expect(try database.findingPost(sourceKey: first.sourceKey, fingerprint: first.fingerprint, model: "account.move", resID: 7) == first)

        let events = try database.auditEvents().filter { $0.action == "finding.posted" }
        #expect(events.count == 1)
        #expect(events.first?.payload.contains("\"message\":\"1\"") == true)
        #expect(try database.verifyAuditTrail().isIntact)
    }

    @Test func theKeyIncludesTheRecord() throws {
        let database = try AppDatabase.inMemory()
        try database.recordFindingPost(post(message: 1), actor: "tester")
        try database.recordFindingPost(post(message: 2, resID: 8), actor: "tester")
        try database.recordFindingPost(post(message: 3, model: "res.partner"), actor: "tester")
        let partner = try database.findingPost(sourceKey: "odoo:http://x#db/company=1", fingerprint: "draft-in-period|account.move#7",
                                               model: "res.partner", resID: 7)
        #expect(partner?.messageID == 3)
        #expect(try database.auditEvents().filter { $0.action == "finding.posted" }.count == 3)
    }
}
