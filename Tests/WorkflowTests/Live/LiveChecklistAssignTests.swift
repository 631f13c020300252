import CloseStore
@testable import CloseWorkflows
import Foundation
import Ledger
import OdooRPC
import Testing
import Governance
import OdooLedger

/// `closer checklist --assign` against a real Odoo, when CLOSER_TEST_ODOO_URL etc. are set: open tasks
/// owned by the controller become To-Dos for the Odoo user of the Closer user holding that role, once.
/// The test works on an empty period (January 2002) and deletes the To-Dos it created.
@Suite(.serialized, .liveOdoo)
struct LiveChecklistAssignTests {
    @Test func openTasksBecomeOdooToDosForTheirOwnersOnce() async throws {
        let settings = try #require(LiveOdooSettings.settings(mode: "supervised"))
        let source = OdooGateway.source(settings)
        let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let period = try Period(parsing: "2002-01")
        let asOf = try #require(LocalDate(iso: "2002-02-05"))
        let store = try AppDatabase.inMemory()
        _ = try await PullService(store: store, actor: "preparer").pull(from: source, sourceKey: key, period: period)
        let uid = try await source.client.authenticate()
        _ = try store.addUser(login: "carol", name: "Carol Controller", roles: [.controller], odooUserID: uid, actor: "test")
        let board = try ChecklistService(store: store, actor: "carol").board(sourceKey: key, period: period, asOf: asOf)
        let open = board.rows.filter { [.open, .overdue].contains($0.status) }
        let controllers = Set(open.filter { $0.task.owner == "controller" }.map(\.task.key))
        #expect(!controllers.isEmpty, "\(board.rows.map { "\($0.task.key) \($0.status)" })")

        let markers = open.map { ChecklistAssignService.marker(period: period, key: $0.task.key) }
        do {
            let first = try await ChecklistAssignService(store: store, settings: settings, sourceKey: key, actor: "carol").assign(board)
            #expect(first.failed.isEmpty, "\(first.failed.map(\.detail))")
            #expect(Set(first.assigned.map(\.task)) == controllers, "only the controller has an Odoo user: \(first.skipped.map(\.detail))")
            #expect(first.assigned.allSatisfy { $0.detail.hasSuffix("for carol") })
            let activities = try await source.client.searchRead("mail.activity", domain: [["note", "ilike", .string("[closer:checklist:\(period):")]],
                                                                fields: ["user_id", "date_deadline", "summary"])
            #expect(activities.count == controllers.count)
            #expect(activities.allSatisfy { $0["user_id"]?.many2one?.id == uid })

            let board2 = try ChecklistService(store: store, actor: "carol").board(sourceKey: key, period: period, asOf: asOf)
            let second = try await ChecklistAssignService(store: store, settings: settings, sourceKey: key, actor: "carol").assign(board2)
            #expect(second.assigned.isEmpty && Set(second.alreadyAssigned.map(\.task)) == controllers)
        } catch {
            try await Self.remove(markers, client: source.client)
            throw error
        }
        try await Self.remove(markers, client: source.client)
    }

    static func remove(_ markers: [String], client: OdooClient) async throws {
        for marker in markers {
            let ids = try await client.searchRead("mail.activity", domain: [["note", "ilike", .string(marker)]], fields: ["id"]).compactMap { $0["id"]?.int }
            if !ids.isEmpty { try await client.unlink("mail.activity", ids: ids) }
        }
    }
}
