@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import Foundation
import Ledger
import OdooLedger
import OdooRPC
import Testing

/// `closer pull` against a real Odoo, when CLOSER_TEST_ODOO_URL, _DB, _USER and _PASSWORD are set.
/// It rewrites one posted line (as an administrator can) and puts it back afterwards.
@Suite(.serialized, .liveOdoo)
struct LiveOdooPullTests {
    @Test func connectDescribesTheDatabase() async throws {
        let report = try await OdooGateway.source(try #require(LiveOdooSettings.settings)).describeConnection()
        #expect(report.majorVersion >= 16)
        #expect(!report.companies.isEmpty)
        #expect(report.companies.allSatisfy { $0.currency.decimalPlaces >= 0 })
    }

    @Test func pullMatchesOdoosCountsAndNoticesARewrittenPostedLine() async throws {
        let settings = try #require(LiveOdooSettings.settings)
        let source = OdooGateway.source(settings)
        // The pull reads in audit mode; the administrator's rewrite below needs a client that may write.
        let client = OdooGateway.client(try #require(LiveOdooSettings.settings(mode: "supervised")))
        let company = try await source.resolvedCompanyID()
        // The period holding the newest posted entry, so the demo data is inside the window.
        let newest = try await client.searchRead("account.move", domain: [["state", "=", "posted"]], fields: ["date"], order: "date desc", limit: 1)
        let period = Period(containing: try #require(newest.first?["date"]?.stringValue.flatMap { LocalDate(iso: $0) }))
        let store = try AppDatabase.inMemory()
        let service = PullService(store: store, actor: "live-test")
        let key = source.sourceKey(companyID: company)

        let first = try await service.pull(from: source, sourceKey: key, period: period)
        #expect(first.countsMatch == true, "pulled \(first.received), Odoo says \(String(describing: first.sourceCounts))")
        #expect(first.received.moves > 0 && first.received.lines > 0)
        let window: [RPCValue] = [["company_id", "=", RPCValue(company)], ["date", ">=", .string(first.window.first.description)],
                                  ["date", "<=", .string(first.window.last.description)]]
        #expect(first.received.statementLines == (try await client.searchCount("account.bank.statement.line", domain: window)))

        let quiet = try await service.pull(from: source, sourceKey: key, period: period)
        #expect(quiet.incremental && quiet.changedPostedMoves.isEmpty)

        // Rewrite a product line of a posted vendor bill, as Odoo lets an administrator do.
        let lines = try await client.searchRead("account.move.line", domain: window + [
            ["parent_state", "=", "posted"], ["display_type", "=", "product"], ["move_id.move_type", "=", "in_invoice"], ["debit", ">", 0],
        ], fields: ["move_id", "debit"], limit: 1)
        let line = try #require(lines.first)
        let lineID = try #require(line["id"]?.int), moveName = try #require(line["move_id"]?.many2one?.name)
        let original = try #require(line["debit"]?.numberValue)
        let changed = WireNumber(minorUnits: original.minorUnits(scale: 2) + 100, scale: 2)
        try await client.write("account.move.line", ids: [lineID], ["debit": .double(changed)])
        do {
            try await Task.sleep(for: .seconds(1))
            let after = try await service.pull(from: source, sourceKey: key, period: period)
            #expect(after.incremental)
            #expect(after.changedPostedMoves.map(\.moveName) == [moveName])
            try await client.write("account.move.line", ids: [lineID], ["debit": .double(original)])
        } catch {
            try await client.write("account.move.line", ids: [lineID], ["debit": .double(original)])
            throw error
        }
        #expect(try store.verifyAuditTrail().isIntact)
    }
}
