import Adjustments
import CloseStore
@testable import CloseWorkflows
import Foundation
import Ledger
import OdooLedger
import Testing
import OdooRPC
import Governance

/// `closer lock` against a real Odoo, when CLOSER_TEST_ODOO_URL, _DB, _USER and _PASSWORD are set: the
/// gate of an empty period (January 2001) is cleared, a controller approves, Odoo holds exactly the
/// configured lock date and refuses to post into the locked period. A lock the test set is lifted afterwards.
@Suite(.serialized, .liveOdoo)
struct LivePeriodLockTests {
    @Test func anApprovedLockSetsTheConfiguredDateAndOdooRefusesEntriesInThePeriod() async throws {
        let settings = try #require(LiveOdooSettings.settings(mode: "supervised"))
        let source = OdooGateway.source(settings)
        let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let period = try Period(parsing: "2001-01")
        let asOf = try #require(LocalDate(iso: "2001-02-10"))
        let store = try AppDatabase.inMemory()
        _ = try await PullService(store: store, actor: "preparer").pull(from: source, sourceKey: key, period: period)
        _ = try CheckService(store: store, actor: "preparer").run(sourceKey: key, period: period, asOf: asOf)
        _ = try ReconcileService(store: store, actor: "preparer").propose(sourceKey: key, period: period)
        _ = try AdjustmentService(store: store, actor: "preparer").propose(sourceKey: key, period: period)
        _ = try store.addUser(login: "carol", name: "Carol Controller", roles: [.controller], odooUserID: nil, actor: "test")
        let checklist = ChecklistService(store: store, actor: "carol")
        _ = try checklist.board(sourceKey: key, period: period, asOf: asOf)
        for task in ["intercompany-agreed", "flux-reviewed"] {
            _ = try checklist.signOff(sourceKey: key, period: period, taskKey: task, comment: "empty period", asOf: asOf)
        }

        let lockService = PeriodLockService(store: store, actor: "carol")
        let request = try lockService.request(sourceKey: key, period: period, asOf: asOf)
        #expect(request.status == .requested, "\(request.blockers)")
        let client = source.client
        let locks = OdooCompanyLocks(client: OdooGateway.client(settings))
        let company = try store.loadSnapshot(sourceKey: key).company.id
        let before = try await locks.read(companyID: company)
        do {
            let locked = try await lockService.approve(id: request.id, sourceKey: key, settings: settings, asOf: asOf)
            #expect(locked.status == .verified, "\(locked.detail ?? "")")
            #expect(locked.detail?.contains("fiscalyear_lock_date") == true)
            let after = try await locks.read(companyID: company)
            #expect(after.fiscalYear.map { $0 >= period.end } == true)
            for field in LockDateField.allCases where field != .fiscalYear { #expect(after[field] == before[field], "\(field) changed") }
            #expect(try await ChecklistService(store: store, actor: "carol").board(sourceKey: key, period: period, asOf: asOf)
                .row("period-locked")?.status == .done)

            // Odoo itself now refuses a posted entry dated in the period. (Its "Post" button, action_post,
            // would instead re-date the entry after the lock, silently: Odoo 18's _post.)
            let snapshot = try store.loadSnapshot(sourceKey: key)
            let journal = try #require(snapshot.journals.first { $0.type == .general })
            let expense = try #require(snapshot.accounts.first { $0.type == .expense })
            let liability = try #require(snapshot.accounts.first { $0.type == .currentLiabilities })
            let money = snapshot.company.currency.money
            let entry = ProposedEntry(journalID: journal.id, date: try #require(LocalDate(iso: "2001-01-15")), ref: "Closer live lock test", lines: [
                ProposedLine(accountID: expense.id, label: "lock test", amount: money(100)),
                ProposedLine(accountID: liability.id, label: "lock test", amount: money(-100)),
            ])
            let writer = OdooAdjustmentWriter(client: client)
            let id = try await writer.createDraft(entry, key: "closer.test.lock." + UUID().uuidString.prefix(8).lowercased(), narration: "")
            var refusal = ""
            do { try await client.write("account.move", ids: [id], ["state": "posted"]) } catch { refusal = OdooErrorText.sentence(error) }
            #expect(refusal.contains("prior to and inclusive of"), "\(refusal)")
            let undone = try await writer.undo(moveID: id, reason: "Closer live lock test")
            #expect(undone.description.hasPrefix("deleted draft"), "the refused entry stayed a draft: \(undone)")
        } catch {
            if before.fiscalYear == nil { try await client.write("res.company", ids: [company], ["fiscalyear_lock_date": false]) }
            throw error
        }
        if before.fiscalYear == nil { try await client.write("res.company", ids: [company], ["fiscalyear_lock_date": false]) }
        #expect(try store.verifyAuditTrail().isIntact)
        #expect(try store.auditEvents().contains { $0.action == "lock.verified" && $0.actor == "carol" })
    }
}
