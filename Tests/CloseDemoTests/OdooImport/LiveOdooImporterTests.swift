@testable import CloseDemo
import Foundation
import Ledger
import OdooLedger
import OdooRPC
import Testing

/// Imports a hand-made company into a freshly reset Odoo database, reads it back with the pull
/// reader, and imports again to prove nothing is created twice.
@Suite(.serialized, .enabled(if: LiveImporterSettings.enabled, "skipped: no live Odoo push database (CLOSER_TEST_ODOO_URL)"))
struct LiveOdooImporterTests {
    @Test func importReadsBackEqualAndIsIdempotent() async throws {
        let endpoint = try #require(LiveImporterSettings.endpoint)
        try LiveImporterSettings.reset(endpoint.database)
        let client = OdooClient(endpoint: endpoint)
        let snapshot = ImporterFixture.snapshot
        let importer = OdooLedgerImporter(client: client, tag: "closer_test")

        let report = try await importer.importLedger(snapshot)
        print("first import:", report.created, report.reused, report.updated)
        for warning in report.warnings { print("  warning:", warning) }
        #expect(report.created["account.move"] == 7)
        #expect(report.created["account.bank.statement.line"] == 1)
        #expect(report.created["res.partner"] == 3)
        #expect(report.created["account.account"] == 2)
        #expect(report.reused["account.account"] == 7)
        #expect(report.idMap["account.move.line"]?.count == snapshot.lines.count)
        // The only expected warning is the one about create/write dates.
        #expect(report.warnings.count == 1, "\(report.warnings)")

        let source = OdooLedgerSource(client: client, endpoint: endpoint)
        let pulled = try await source.pull(PullRequest(window: DateRange(ImporterFixture.d(1), ImporterFixture.d(31))), progress: nil).snapshot
        try assertReadBack(pulled, equals: snapshot, report: report)

        let again = try await importer.importLedger(snapshot)
        #expect(again.totalCreated == 0, "\(again.created)")
        #expect(again.idMap == report.idMap)
        #expect(again.reused["account.move"] == 7)
    }

    func assertReadBack(_ pulled: LedgerSnapshot, equals snapshot: LedgerSnapshot, report: LedgerImportReport) throws {
        #expect(pulled.moves.count == snapshot.moves.count)
        #expect(pulled.lines.count == snapshot.lines.count)
        #expect(pulled.statementLines.count == 1)
        #expect(pulled.company.lockDates.fiscalYear == snapshot.company.lockDates.fiscalYear)
        let movesByID = Dictionary(uniqueKeysWithValues: pulled.moves.map { ($0.id, $0) })
        let linesByID = Dictionary(uniqueKeysWithValues: pulled.lines.map { ($0.id, $0) })
        let accountCode = Dictionary(uniqueKeysWithValues: pulled.accounts.map { ($0.id, $0.code) })
        for move in snapshot.moves {
            let id = try #require(report.idMap["account.move"]?[move.id])
            let odoo = try #require(movesByID[id])
            #expect(odoo.name == move.name, "move \(move.id)")
            #expect(odoo.state == move.state, "move \(move.name)")
            #expect(odoo.type == move.type)
            #expect(odoo.date == move.date)
            #expect(odoo.ref == move.ref)
            #expect(odoo.amountTotal == move.amountTotal, "move \(move.name)")
            if move.state == .posted && move.type.isInvoice {
                #expect(odoo.amountResidual == move.amountResidual, "move \(move.name)")
                #expect(odoo.paymentState == move.paymentState || (move.paymentState == .paid && odoo.paymentState == .inPayment), "move \(move.name)")
            }
        }
        for line in snapshot.lines {
            let id = try #require(report.idMap["account.move.line"]?[line.id])
            let odoo = try #require(linesByID[id])
            #expect(odoo.debit == line.debit && odoo.credit == line.credit, "line \(line.id)")
            #expect(odoo.amountCurrency == line.amountCurrency, "line \(line.id)")
            #expect(accountCode[odoo.accountID] == snapshot.accounts.first { $0.id == line.accountID }?.code, "line \(line.id)")
            #expect(odoo.label == line.label)
            #expect((odoo.matchingNumber != nil) == (line.matchingNumber != nil), "line \(line.id)")
            if let kind = line.kind { #expect(odoo.kind == kind, "line \(line.id)") }
            #expect(odoo.analytic?.shares.count == line.analytic?.shares.count)
        }
        let statement = try #require(pulled.statementLines.first)
        #expect(statement.amount == ImporterFixture.eur.money(20_000))
        #expect(statement.isReconciled == false)
        #expect(statement.partnerName == "INITECH GMBH")
        let partners = pulled.partners.map(\.name).sorted()
        #expect(partners == ["Acme Corp", "Globex Supplies", "Initech GmbH"])
        #expect(pulled.partners.first { $0.name == "Acme Corp" }?.bankAccounts == ["BE71096123456769"])
    }

    /// Many invoices each paid and reconciled: every move arrives, with no warning beyond the audit stamps.
    @Test func importsManyReconciledInvoices() async throws {
        let endpoint = try #require(LiveImporterSettings.endpoint)
        try LiveImporterSettings.reset(endpoint.database)
        let snapshot = ImporterFixture.volume(invoices: 60)
        let report = try await OdooLedgerImporter(client: OdooClient(endpoint: endpoint), tag: "closer_volume").importLedger(snapshot)
        #expect(report.created["account.move"] == snapshot.moves.count)
        #expect(report.warnings.count == 1, "\(report.warnings.prefix(5))")
    }
}
