public import CloseSettings
public import CloseStore
public import Duties
import Governance
public import Ledger
import OdooLedger

/// `closer duties`: segregation-of-duties conflicts over the company's vendors, read live from Odoo (users,
/// groups, access rights, who created, changed, trusted, posted and paid what), with Closer's own bill
/// approvals joined as "approved" by the decider's Odoo user. Read-only, here and in Odoo.
public struct DutiesService: Sendable {
    public var settings: OdooSettings
    /// Closer's store, for its users (their Odoo user and roles) and bill approvals; nil: Odoo alone.
    public var store: AppDatabase?
    /// Who the operations view's sightings of the findings are recorded by.
    public var actor: String

    public init(settings: OdooSettings, store: AppDatabase?, actor: String) {
        self.settings = settings
        self.store = store
        self.actor = actor
    }

    /// The findings over bills and payments dated from `since`.
    public func review(since: LocalDate) async throws -> DutiesReport {
        let source = OdooGateway.source(settings)
        let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let approvals = try store?.billApprovals(sourceKey: key, statuses: Set(BillApproval.Status.allCases)) ?? []
        let users = try store?.users().filter { $0.odooUserID != nil && !$0.isAgent } ?? []
        var reading = try await source.dutyReading(since: since, billIDs: approvals.map(\.billID))
        let byLogin = Dictionary(users.map { ($0.login.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for user in users {
            guard let index = reading.people.firstIndex(where: { $0.odooUserID == user.odooUserID }) else { continue }
            reading.people[index].closerLogin = user.login
            let approving = user.roles.intersection(CloserRole.approving)
            if user.active && !approving.isEmpty {
                reading.people[index].add(.approveBills, grantedBy: approving.sorted().map { "Closer role \($0.rawValue)" })
            }
        }
        for approval in approvals {
            guard let bill = reading.billVendors[approval.billID] else { continue }
            for decision in approval.decisions where decision.approved {
                guard let odooUserID = byLogin[decision.approver.lowercased()]?.odooUserID else { continue }
                reading.acts.append(DutyAct(kind: .approvedBill, odooUserID: odooUserID, vendor: bill.vendor, record: bill.bill, field: "level \(decision.level)",
                                            at: Timestamp(odoo: decision.decidedAt), basis: .closerApproval))
            }
        }
        let report = DutiesReport(source: key, since: since, trackingRead: reading.trackingRead, closerJoined: store != nil, people: reading.people.count,
                                  findings: DutyAnalysis.findings(people: reading.people, acts: reading.acts))
        try store?.recordExceptionSweep(report.findings.map { Self.sighting($0, sourceKey: key) }, family: .duties, sourceKey: key, covering: nil,
                                        actor: actor)
        return report
    }

    /// A finding as the operations view keeps it: one per person, kind and vendor, whatever the evidence adds later.
    static func sighting(_ finding: DutyFinding, sourceKey: SourceKey) -> ExceptionSighting {
        let subject = finding.vendor.map { "\(finding.login) on vendor \($0.name)" } ?? finding.login
        return ExceptionSighting(sourceKey: sourceKey, family: .duties,
                                 fingerprint: [finding.checkID, String(finding.person.id), finding.vendor.map { String($0.id) } ?? "-"].joined(separator: "/"),
                                 kind: "sod-\(finding.kind.rawValue)", subject: subject, reason: "\(finding.message) \(finding.fix)",
                                 record: finding.vendor ?? finding.person, owner: nil)
    }
}

/// What `closer duties` reports: `did` findings first, then `can` per person, then the administrators.
public struct DutiesReport: Sendable, Codable {
    public var source: SourceKey
    public var since: LocalDate
    /// Whether Odoo's tracking was read; else who changed a bank account rests on its last writer, and postings are not read.
    public var trackingRead: Bool
    /// Whether Closer's users and bill approvals were joined.
    public var closerJoined: Bool
    /// The Odoo users looked at.
    public var people: Int
    public var findings: [DutyFinding]

    public var evidenceBasis: String {
        (trackingRead ? "who changed what rests on Odoo's tracking" : "Odoo's tracking was not readable for this login: who changed a bank account "
            + "rests on its last writer, and who posted a bill is unknown; connect as an administrator for tracking")
            + (closerJoined ? "; Closer's bill approvals are joined" : "; no Closer store: Closer's bill approvals are not joined")
    }
}
