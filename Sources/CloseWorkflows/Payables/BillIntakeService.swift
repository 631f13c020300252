public import CloseSettings
public import CloseStore
public import Ledger
import CloseChecks
import OdooLedger
import OdooRPC
public import Payables
import Foundation

/// Intake: each vendor bill read live from Odoo is searched for among the bills it could duplicate (every
/// company of its database, and the other databases' ledgers in the store) and matched against its
/// purchase order; the verdict is kept in the store, and the bill put on its approval route. Outside audit mode it is also acted on in Odoo,
/// once: a note on the bill per problem (a To-Do with it unless the rules only warn), and Odoo's own
/// payment block while the bill is blocked — lifted when a later check finds it clear or someone releases it.
public struct BillIntakeService: Sendable {
    public var store: AppDatabase
    public var settings: OdooSettings
    public var rules: PayablesRules
    public var actor: String
    /// One connection for the service's life: a server's webhooks reuse its session and schema.
    let source: OdooLedgerSource

    public init(store: AppDatabase, settings: OdooSettings, rules: PayablesRules, actor: String) {
        self.store = store
        self.settings = settings
        self.rules = rules
        self.actor = actor
        source = OdooGateway.source(settings)
    }

    /// The bills among `ids` (what a webhook names); ids that are not the company's vendor bills are skipped.
    public func intake(billIDs: [Int], asOf: LocalDate) async throws -> BillIntakeReport {
        try await intake(try await source.vendorBills(ids: billIDs), asOf: asOf)
    }

    /// Whether Odoo holds the journal entry `id` (committed): a webhook's entry that intake skipped was no
    /// vendor bill of the company if it is there, and not committed yet if it is not.
    public func isEntry(_ id: Int) async throws -> Bool {
        try await !source.client.search("account.move", domain: [["id", "=", RPCValue(id)]], limit: 1).isEmpty
    }

    /// Every vendor bill of the period.
    public func intake(period: Period, asOf: LocalDate) async throws -> BillIntakeReport {
        try await intake(try await source.vendorBills(in: period), asOf: asOf)
    }

    private func intake(_ read: PurchaseBills, asOf: LocalDate) async throws -> BillIntakeReport {
        let sourceKey = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let index = DuplicateBillIndex(read.bills + (try await source.duplicateCandidates(of: read.bills)) + (try storedBillsOfOtherDatabases(than: sourceKey)))
        let matcher = PurchaseOrderMatcher(rules: rules.matching)
        var report = BillIntakeReport(source: sourceKey, writes: settings.mode != .audit)
        let bills = read.bills.filter { $0.state != .cancelled }
        for bill in bills {
            let hits = index.duplicates(of: bill, rules: rules.duplicates).filter { $0.original.enteredBefore(bill) }
            let verdict = BillVerdict(bill: bill, duplicates: hits, match: matcher.match(bill, orderLines: read.orderLines), rules: rules.intake)
            let (review, changed) = try store.recordBillVerdict(verdict, preparerLogin: bill.preparerLogin, actor: actor)
            report.bills.append(BillIntakeOutcome(review: review, changed: changed))
        }
        // Then each bill's approval route, which weighs the duplicate score just found.
        let scores = report.bills.reduce(into: [Int: Double]()) { scores, outcome in
            scores[outcome.review.billID] = outcome.review.verdict.duplicates.map(\.score).max()
        }
        report.approvals = try await BillApprovalRouting(store: store, rules: rules.approval, actor: actor)
            .route(bills, source: source, duplicateScores: scores, on: asOf)
        guard report.writes else { return report }
        try await act(on: &report, asOf: asOf)
        return report
    }

    /// Notes, To-Dos and payment blocks in Odoo; then the blocked bills Odoo shows paid anyway.
    private func act(on report: inout BillIntakeReport, asOf: LocalDate) async throws {
        let findings = report.bills.flatMap { Self.findings($0.review, rules: rules.intake, asOf: asOf) }
        if !findings.isEmpty {
            let poster = try FindingPostService(store: store, settings: settings, sourceKey: report.source, actor: actor,
                                                toDoAssigneeLogin: rules.intake.apClerkLogin)
            report.posts = try await poster.post(findings, atLeast: .advisory, toDoAtLeast: .warning, asOf: asOf)
        }
        let blocks = PaymentBlockService(store: store, block: OdooPaymentBlock(client: source.client), actor: actor)
        for index in report.bills.indices {
            report.bills[index].review = try await blocks.apply(report.bills[index].review)
        }
        report.paidWhileBlocked = try await blocks.paidWhileBlocked(sourceKey: report.source)
    }

    /// The bills of the store's ledgers from other databases (this one's are read live, fresher).
    private func storedBillsOfOtherDatabases(than sourceKey: SourceKey) throws -> [VendorBill] {
        try store.storedVendorBills { $0.database != sourceKey.database }
    }

    /// One finding per problem, so each is noted once and a new one later gets its own note: a duplicate per
    /// original, a match exception per kind — each as severe as the action the rules give it (held: blocking,
    /// a second look: warning, noted: advisory). A released or clear bill gets none.
    static func findings(_ review: BillReview, rules: IntakeRules, asOf: LocalDate) -> [Finding] {
        guard review.status == .blocked || review.status == .warned else { return [] }
        let bill = review.verdict.bill
        let period = Period(containing: bill.invoiceDate ?? asOf)
        let company = RecordRef(model: "res.company", id: bill.companyID, name: bill.source.text)
        let billRecord = RecordRef(model: "account.move", id: bill.id, name: bill.name)
        let duplicates = review.verdict.duplicates.map { hit in
            // The original is named as a record only in the bill's own database; elsewhere its id names nothing.
            let original = hit.original.source.database == bill.source.database
                ? [RecordRef(model: "account.move", id: hit.original.id, name: hit.original.name)] : []
            let action = rules.action(for: hit)
            return Finding(checkID: "payables.duplicate-bill", severity: action.severity, period: period, company: company, records: [billRecord] + original,
                           message: "\(action.noteOpening) \(hit.reason) (score \(String(format: "%.2f", hit.score))).",
                           evidence: ["original": "\(hit.original.source.text)#\(hit.original.id)", "signals": hit.signals.map(\.rawValue).joined(separator: ",")])
        }
        let action = rules.matchExceptionAction
        let exceptions = Dictionary(grouping: review.verdict.exceptions, by: \.kind).sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, exceptions in
            Finding(checkID: "payables.match.\(kind.rawValue)", severity: action.severity, period: period, company: company, records: [billRecord],
                    message: "\(action.noteOpening) " + exceptions.map { "\($0.message) \($0.fix)" }.joined(separator: " "))
        }
        return duplicates + exceptions
    }
}

private extension IntakeAction {
    var severity: Severity {
        switch self {
        case .hold: .blocking
        case .secondApprover: .warning
        case .warn: .advisory
        }
    }

    /// How the bill's note begins: what the action means for its payment.
    var noteOpening: String {
        switch self {
        case .hold: "Held by Closer: no payment until this is resolved or someone other than its preparer releases it."
        case .secondApprover: "Needs a second approver before payment."
        case .warn: "Noted by Closer."
        }
    }
}

/// What intake did: each bill's review, what was noted in Odoo, and the blocked bills Odoo shows paid.
public struct BillIntakeReport: Sendable, Codable {
    public var source: SourceKey
    /// Whether the mode let Closer write to Odoo (notes, To-Dos, payment blocks); in audit mode nothing is written.
    public var writes: Bool
    public var bills: [BillIntakeOutcome] = []
    public var posts: FindingPostReport?
    /// Bills Closer blocked that Odoo shows paid (or in payment) anyway: findings for the controller.
    public var paidWhileBlocked: [PaidWhileBlocked] = []
    /// The bills' approval routes (or OCA's tier reviews where Odoo routes them).
    public var approvals: BillRoutingReport?

    public var touchless: Int { bills.filter { $0.review.verdict.isTouchless }.count }
}

public struct BillIntakeOutcome: Sendable, Codable {
    public var review: BillReview
    /// False when the check found what it found last time (nothing new recorded or audited).
    public var changed: Bool
}
