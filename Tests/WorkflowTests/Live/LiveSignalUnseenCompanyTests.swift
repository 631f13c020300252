import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Ledger
import OdooLedger
import Testing

/// Issue 20's bar on a company nobody tuned Closer for: in a scratch Odoo 18 database with `account`
/// (CLOSER_TEST_ODOO_HABITS_DB), a new company with a random name closes last month. Planted: two annual premiums
/// expensed at once, their cover periods written in Spanish and in Dutch (styles the demo never uses), a draft entry
/// in the month, a payable line without a partner, a cash journal used before and silent this month. Noise: ten
/// entries of the month keyed in today, all at once (a bulk import; today's entries are all late, and on a Sunday
/// keyed in at the weekend too). Look-alikes: a large one-off repair and last month's consulting billed late. Pulled
/// and checked as `closer check` does: every planted problem found and on the first screen, the noise folded into
/// one finding per check and kept off it, the look-alikes not called prepaid.
@Suite(.enabled(if: LiveScratchCompany.settings(.habits, company: nil) != nil,
                "skipped: no scratch Odoo database with `account` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_HABITS_DB)"))
struct LiveSignalUnseenCompanyTests {
    @Test func plantedProblemsAreOnTheFirstScreenAndTheBulkImportIsOneFoldedFinding() async throws {
        let company = try await LiveScratchCompany.create(in: .habits, kind: "Signal")
        let today = LocalDate.todayUTC()
        let period = Period(containing: today).previous
        let day = { (offset: Int) in period.start.adding(days: offset) }
        let expense = try await company.account(type: "expense"), payable = try await company.account(type: "liability_payable")
        let income = try await company.account(type: "income"), receivable = try await company.account(type: "asset_receivable")
        let general = try await company.journal(type: "general"), cash = try await company.journal(type: "cash")
        let cashAccount = try await company.account(type: "asset_cash")

        // History: last month's ordinary bills and a cash sale, nothing analytic.
        let steady = try await company.vendor()
        for offset in [3, 10, 17] { _ = try await company.bill(steady, on: period.previous.start.adding(days: offset), account: expense, lines: [("Office supplies", 12_000)]) }
        _ = try await company.entry(cash, on: period.previous.start.adding(days: 12), [.init(account: cashAccount, cents: 4_000), .init(account: income, cents: -4_000)])

        // Planted.
        let insurer = try await company.vendor(), maintainer = try await company.vendor()
        let cover = Period(containing: period.start).advanced(by: 11)
        let spanish = try await company.bill(insurer, on: day(8), account: expense, lines: [
            ("Póliza del 1 de \(Self.spanish[period.start.month - 1]) de \(period.start.year) al \(cover.end.day) de \(Self.spanish[cover.end.month - 1]) de \(cover.end.year)", 1_860_000)])
        let dutch = try await company.bill(maintainer, on: day(12), account: expense, lines: [
            ("Onderhoudscontract 1 \(Self.dutch[period.start.month - 1]) \(period.start.year) t/m \(cover.end.day) \(Self.dutch[cover.end.month - 1]) \(cover.end.year)", 960_000)])
        let draft = try await company.entry(general, on: day(14), [.init(account: expense, cents: 25_000), .init(account: payable, cents: -25_000, partner: steady)],
                                            ref: "Accrual", post: false)
        let noPartner = try await company.entry(general, on: day(15), [.init(account: expense, cents: 31_000), .init(account: payable, cents: -31_000, label: "Reclass")],
                                                ref: "Reclass")
        // Look-alikes: a large one-off repair, and last month's consulting billed this month.
        let repair = try await company.bill(try await company.vendor(), on: day(9), account: expense, lines: [("Repair of the loading dock door", 1_450_000)])
        let pastWork = try await company.bill(try await company.vendor(), on: day(5), account: expense,
                                              lines: [("Consulting \(Self.english[period.previous.start.month - 1]) \(period.previous.start.year)", 820_000)])
        // Noise: ten ordinary sales of the month, keyed in today in one go.
        let customer = try await company.customer()
        var imported: [Int] = []
        for index in 0..<10 {
            imported.append(try await company.entry(general, on: day(1 + index * 2), [
                .init(account: receivable, cents: 50_000 + index * 1_111, partner: customer), .init(account: income, cents: -(50_000 + index * 1_111)),
            ], ref: "Shop import \(index + 1)"))
        }

        let settings = try #require(company.settings())
        let source = OdooGateway.source(settings)
        let store = try AppDatabase.inMemory()
        let key = source.sourceKey(companyID: company.id)
        _ = try await PullService(store: store, actor: "live-test").pull(from: source, sourceKey: key, period: period, historyMonths: 3)
        let snapshot = try store.loadSnapshot(sourceKey: key)
        // Odoo 18 keeps account codes per company: read as this company, not as the administrator's main one.
        #expect(!snapshot.accounts.isEmpty && snapshot.accounts.allSatisfy { !$0.code.isEmpty }, "accounts read without their codes")
        let report = try CheckService(store: store, actor: "live-test").run(sourceKey: key, period: period, asOf: today)
        let findings = report.findings
        for finding in findings {
            print("[live] \(finding.ranking?.onFirstScreen == true ? "SCREEN" : "folded") \(finding.checkID) \(finding.severity) \(finding.records.count): "
                  + finding.message.prefix(140))
        }
        func finding(_ check: String, _ model: String, _ id: Int?) -> Finding? {
            findings.first { $0.checkID == check && $0.records.contains { $0.model == model && $0.id == id } }
        }

        let planted: [(String, String, Int?)] = [
            ("prepaid-expensed-at-once", "account.move", spanish), ("prepaid-expensed-at-once", "account.move", dutch),
            ("draft-in-period", "account.move", draft), ("missing-partner-on-receivable-payable", "account.move.line",
                                                         snapshot.lines.first { $0.moveID == noPartner && $0.credit.minorUnits > 0 }?.id),
            ("journal-without-entries", "account.journal", cash),
        ]
        for (check, model, id) in planted {
            let found = finding(check, model, id)
            #expect(found != nil, "\(check) not found for \(model) \(id ?? 0)")
            #expect(found?.ranking?.onFirstScreen == true, "\(check) for \(model) \(id ?? 0) is not on the first screen")
        }
        #expect(findings.filter { $0.severity == .blocking }.allSatisfy { $0.ranking?.onFirstScreen == true })
        // The import: one late-posting finding holding all ten, off the first screen.
        let bulk = try #require(findings.first { $0.checkID == "late-posting" && Set(imported).isSubset(of: Set($0.records.map(\.id))) })
        #expect(bulk.message.contains("a bulk import?") && bulk.ranking?.onFirstScreen == false)
        #expect(findings.count <= 3 * planted.count, "\(findings.count) findings to read for \(planted.count) planted problems")
        // The look-alikes are no prepaid costs.
        #expect(finding("prepaid-expensed-at-once", "account.move", repair) == nil)
        #expect(finding("prepaid-expensed-at-once", "account.move", pastWork) == nil)
        print("[live] \(findings.count) findings to read for \(planted.count) planted problems; first screen \(findings.filter { $0.ranking?.onFirstScreen == true }.count)")
    }

    static let spanish = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
    static let dutch = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    static let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}
