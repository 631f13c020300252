public import CloseChecks
public import CloseSettings
public import CloseStore
public import Expenses
import Governance
public import Ledger
import Foundation
import OdooLedger

/// `closer expenses check`: the expense reports of a period (or every open one) read live from Odoo and
/// checked against the rule set's `expenses` policy, for duplicates and for self-approval. Outside audit
/// mode each finding is noted once on its report's chatter, with a To-Do for the report's approver
/// (its manager, `user_id`); a re-run finds its notes by their markers and adds none. Audit mode writes nothing.
public struct ExpenseCheckService: Sendable {
    public var store: AppDatabase
    public var settings: OdooSettings
    public var rules: ExpenseRules
    public var actor: String

    public init(store: AppDatabase, settings: OdooSettings, rules: ExpenseRules, actor: String) {
        self.store = store
        self.settings = settings
        self.rules = rules
        self.actor = actor
    }

    /// `period` nil: every report submitted and not yet paid. The report is kept as the summary of an `expenses-check`
    /// run, so the API and the dashboard show the latest check without asking Odoo again.
    public func check(period: Period?, asOf: LocalDate) async throws -> ExpenseCheckReport {
        let runID = try store.startRun(kind: Self.runKind, period: period?.description, actor: actor)
        do {
            let report = try await checked(period: period, asOf: asOf)
            try store.finishRun(runID, status: .succeeded, summary: try Self.json(report), actor: actor)
            return report
        } catch {
            try? store.finishRun(runID, status: .failed, summary: AuditPayload(["error": String(describing: error)]).canonicalJSON, actor: actor)
            throw error
        }
    }

    static let runKind = "expenses-check"

    /// The latest check that finished, with its run; nil when none did.
    public static func latest(in store: AppDatabase) throws -> StoredExpenseCheck? {
        guard let run = try store.runs(kind: runKind).first(where: { $0.status == .succeeded }) else { return nil }
        return StoredExpenseCheck(runID: run.id, checkedAt: run.finishedAt ?? run.startedAt,
                                  report: try JSONDecoder().decode(ExpenseCheckReport.self, from: Data(run.summary.utf8)))
    }

    static func json(_ report: ExpenseCheckReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    func checked(period: Period?, asOf: LocalDate) async throws -> ExpenseCheckReport {
        let source = OdooGateway.source(settings)
        let companyID = try await source.resolvedCompanyID()
        let sourceKey = source.sourceKey(companyID: companyID)
        let reading = try await OdooExpenseReader(client: source.client).reading(companyID: companyID, period: period, windowDays: rules.duplicateWindowDays)
        let found = Dictionary(grouping: ExpenseReview(rules: rules).findings(on: reading.reports, claimed: reading.claimed), by: \.reportID)
        var report = ExpenseCheckReport(source: sourceKey, period: period, writes: settings.mode != .audit, approversKnown: reading.approversKnown)
        report.reports = reading.reports.map { ExpenseReportCheck($0, findings: found[$0.id] ?? []) }
        let company = RecordRef(model: "res.company", id: companyID, name: sourceKey.text)
        var findings: [Finding] = [], approvers: [String: Int] = [:]
        for expenseReport in reading.reports {
            for expenseFinding in found[expenseReport.id] ?? [] {
                let finding = Self.finding(expenseFinding, on: expenseReport, company: company, asOf: asOf)
                findings.append(finding)
                approvers[finding.fingerprint] = expenseReport.managerUserID
            }
        }
        try recordSightings(findings, reports: reading.reports, sourceKey: sourceKey, complete: period == nil)
        guard report.writes, !findings.isEmpty else { return report }
        let poster = try FindingPostService(store: store, settings: settings, sourceKey: sourceKey, actor: actor)
        report.posts = try await poster.post(findings, atLeast: .advisory, toDoAtLeast: .warning, assignees: approvers, asOf: asOf)
        return report
    }

    /// Keeps the findings for the operations view, each owned by its report's approver (their Closer login when they have
    /// one); what the checked reports no longer show is resolved. A check of every open report also resolves paid ones.
    func recordSightings(_ findings: [Finding], reports: [ExpenseReport], sourceKey: SourceKey, complete: Bool) throws {
        let logins = Dictionary(try store.users().compactMap { user in user.odooUserID.map { ($0, user.login) } }) { first, _ in first }
        let byID = Dictionary(reports.map { ($0.id, $0) }) { first, _ in first }
        let sightings = findings.compactMap { finding -> ExceptionSighting? in
            guard let record = finding.records.first, let report = byID[record.id] else { return nil }
            let approver = report.approverUserID ?? report.managerUserID
            return ExceptionSighting(sourceKey: sourceKey, family: .expenses, fingerprint: finding.fingerprint,
                                     kind: String(finding.checkID.dropFirst("expenses.".count)), subject: "expense report \(report.name) of \(report.employee.name)",
                                     reason: finding.message, record: record,
                                     owner: approver.flatMap { logins[$0] } ?? (report.approverName ?? report.managerName).map { "\($0) (Odoo)" })
        }
        let covering = complete ? nil : Set(reports.map { "hr.expense.sheet#\($0.id)" })
        try store.recordExceptionSweep(sightings, family: .expenses, sourceKey: sourceKey, covering: covering, actor: actor)
    }

    /// The finding as the chatter note takes it: on the report, naming its expenses. A receipt claimed twice and
    /// self-approval are blocking (the report should not be paid as it stands); the rest need the approver's decision.
    static func finding(_ found: ExpenseFinding, on report: ExpenseReport, company: RecordRef, asOf: LocalDate) -> Finding {
        let severity: Severity = switch found.kind {
        case .sharedReceipt, .selfApproval: .blocking
        default: .warning
        }
        return Finding(checkID: "expenses.\(found.kind.rawValue)", severity: severity, period: Period(containing: report.firstDate ?? asOf), company: company,
                       records: [RecordRef(model: "hr.expense.sheet", id: report.id, name: report.name)] + found.expenses, message: found.message)
    }
}

/// A check as the store kept it: its run, when it finished, and the report.
public struct StoredExpenseCheck: Sendable, Codable {
    public var runID: Int64
    /// UTC.
    public var checkedAt: String
    public var report: ExpenseCheckReport
}

/// What `closer expenses check` found: each report checked, with its findings, and what was noted in Odoo.
public struct ExpenseCheckReport: Sendable, Codable {
    public var source: SourceKey
    /// nil: the open reports.
    public var period: Period?
    /// Whether the mode let Closer note findings in Odoo; in audit mode nothing is written.
    public var writes: Bool
    /// False when Odoo did not show who approved each report: the report's manager stood in for the approver.
    public var approversKnown: Bool
    public var reports: [ExpenseReportCheck] = []
    public var posts: FindingPostReport?

    public var findingCount: Int { reports.reduce(0) { $0 + $1.findings.count } }
}

/// One report checked.
public struct ExpenseReportCheck: Sendable, Codable {
    public var id: Int
    public var name: String
    public var employee: String
    public var state: String
    public var approver: String?
    public var total: String?
    public var findings: [ExpenseFinding]

    init(_ report: ExpenseReport, findings: [ExpenseFinding]) {
        id = report.id
        name = report.name
        employee = report.employee.name
        state = report.state
        approver = report.approverName ?? report.managerName
        let claims = report.liveClaims
        total = claims.first.map { first in claims.dropFirst().reduce(first.amount) { $0 + $1.amount }.description }
        self.findings = findings
    }
}
