import CloseChecks
@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import Foundation
import Ledger
import OdooRPC
import Testing
import OdooLedger

/// `closer check --post-findings` against a real Odoo, when CLOSER_TEST_ODOO_URL, _DB, _USER and _PASSWORD
/// are set. Each run uses its own check id, so its marker is new; it deletes its notes and to-dos afterwards.
@Suite(.serialized, .liveOdoo)
struct LiveFindingPostTests {
    struct Fixture {
        var settings: OdooSettings
        var client: OdooClient
        var sourceKey: SourceKey
        var asOf: LocalDate

        init() async throws {
            settings = try #require(LiveOdooSettings.settings(mode: "supervised"))
            let source = OdooGateway.source(settings)
            client = source.client
            sourceKey = source.sourceKey(companyID: try await source.resolvedCompanyID())
            asOf = try #require(LocalDate(year: 2026, month: 11, day: 5))
        }

        func finding(on model: String, where domain: [RPCValue]) async throws -> Finding {
            let rows = try await client.searchRead(model, domain: domain, fields: ["display_name"], order: "id desc", limit: 1)
            let row = try #require(rows.first, "no \(model) matching \(domain) in the test database")
            let record = RecordRef(model: model, id: try #require(row["id"]?.int), name: row["display_name"]?.stringValue ?? "")
            let checkID = "live-post-" + UUID().uuidString.prefix(8).lowercased()
            return Finding(checkID: checkID, severity: .warning, period: try Period(parsing: "2026-10"),
                           company: RecordRef(model: "res.company", id: 1, name: "closedemo"), records: [record],
                           message: "\(record.name): Closer's live test of posting findings; safe to ignore.")
        }

        func service(_ store: AppDatabase) throws -> FindingPostService {
            try FindingPostService(store: store, settings: settings, sourceKey: sourceKey, actor: "live-test")
        }

        func messages(_ marker: String) async throws -> [RPCStruct] {
            try await client.searchRead("mail.message", domain: [["body", "ilike", .string(marker)]],
                                        fields: ["model", "res_id", "message_type", "subtype_id"])
        }

        func activities(_ marker: String) async throws -> [RPCStruct] {
            try await client.searchRead("mail.activity", domain: [["note", "ilike", .string(marker)]],
                                        fields: ["res_model", "res_id", "summary", "user_id", "date_deadline", "activity_type_id"])
        }

        func cleanUp(_ marker: String) async throws {
            let activityIDs = try await activities(marker).compactMap { $0["id"]?.int }
            if !activityIDs.isEmpty { try await client.unlink("mail.activity", ids: activityIDs) }
            let messageIDs = try await messages(marker).compactMap { $0["id"]?.int }
            if !messageIDs.isEmpty { try await client.unlink("mail.message", ids: messageIDs) }
        }
    }

    @Test func aFindingIsPostedOnceEvenByAServiceWithAFreshStore() async throws {
        let fixture = try await Fixture()
        let finding = try await fixture.finding(on: "account.move", where: [["state", "=", "posted"]])
        let marker = FindingPostService.marker(for: finding)
        let record = try #require(finding.records.first)
        let store = try AppDatabase.inMemory()
        do {
            let first = try await fixture.service(store).post([finding], atLeast: .warning, asOf: fixture.asOf)
            #expect(first.failed.isEmpty, "\(first.failed.compactMap(\.reason))")
            let posted = try #require(first.posted.first)
            #expect(posted.threadModel == "account.move" && posted.threadID == record.id)

            let again = try await fixture.service(store).post([finding], atLeast: .warning, asOf: fixture.asOf)
            #expect(again.posted.isEmpty && again.alreadyPosted.first?.messageID == posted.messageID)

            // A crash after Odoo answered but before the store write: a fresh store finds the note instead of posting again.
            let fresh = try AppDatabase.inMemory()
            let recovered = try await fixture.service(fresh).post([finding], atLeast: .warning, asOf: fixture.asOf)
            #expect(recovered.posted.isEmpty)
            #expect(recovered.alreadyPosted.first?.foundInOdoo == true)
            #expect(recovered.alreadyPosted.first?.messageID == posted.messageID)
            #expect(recovered.alreadyPosted.first?.activityID == posted.activityID)

            let messages = try await fixture.messages(marker)
            #expect(messages.count == 1)
            #expect(messages.first?["model"]?.stringValue == "account.move" && messages.first?["res_id"]?.int == record.id)
            #expect(messages.first?["message_type"]?.stringValue == "comment")
            #expect(messages.first?["subtype_id"]?.many2one?.name == "Note")
            let activities = try await fixture.activities(marker)
            #expect(activities.count == 1)
            let activity = try #require(activities.first)
            #expect(activity["id"]?.int == posted.activityID)
            #expect(activity["res_model"]?.stringValue == "account.move" && activity["res_id"]?.int == record.id)
            #expect(activity["summary"]?.stringValue == "Closer: \(finding.checkID)")
            #expect(activity["date_deadline"]?.stringValue == "2026-11-05")
            #expect(activity["activity_type_id"]?.many2one?.name == "To-Do")
            #expect(activity["user_id"]?.many2one != nil)

            #expect(try store.auditEvents().filter { $0.action == "finding.posted" }.count == 1)
            #expect(try fresh.auditEvents().filter { $0.action == "finding.posted" }.first?.outcome == "found-in-odoo")
            #expect(try store.verifyAuditTrail().isIntact && fresh.verifyAuditTrail().isIntact)
        } catch {
            try await fixture.cleanUp(marker)
            throw error
        }
        try await fixture.cleanUp(marker)
    }

    @Test func aBankStatementLinesFindingGoesOnItsEntry() async throws {
        let fixture = try await Fixture()
        let finding = try await fixture.finding(on: "account.bank.statement.line", where: [])
        let marker = FindingPostService.marker(for: finding)
        let line = try await fixture.client.read("account.bank.statement.line", ids: [try #require(finding.records.first?.id)], fields: ["move_id"])
        let moveID = try #require(line.first?["move_id"]?.many2one?.id)
        do {
            let report = try await fixture.service(try AppDatabase.inMemory()).post([finding], atLeast: .advisory, asOf: fixture.asOf)
            #expect(report.failed.isEmpty, "\(report.failed.compactMap(\.reason))")
            #expect(report.posted.first?.threadModel == "account.move" && report.posted.first?.threadID == moveID)
            #expect(try await fixture.messages(marker).map { $0["res_id"]?.int } == [moveID])
        } catch {
            try await fixture.cleanUp(marker)
            throw error
        }
        try await fixture.cleanUp(marker)
    }
}
