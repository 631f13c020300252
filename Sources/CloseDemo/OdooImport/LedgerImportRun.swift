import Ledger
import OdooLedger
import OdooRPC
import Foundation

/// The state of one import: the snapshot, the external ids seen so far, and the report being built.
/// Steps live in extensions (reference data, moves, statement lines, posting, reconciliation, company).
struct LedgerImportRun {
    let client: OdooClient
    let progress: PullProgress?
    let batchSize: Int
    let snapshot: LedgerSnapshot
    var xids: OdooExternalIDs
    var report = LedgerImportReport()
    var companyID = 0
    /// Snapshot lines per move, in snapshot id order (the order they are sent to Odoo).
    let linesByMove: [Int: [JournalLine]]
    /// Moves that belong to a bank statement line: Odoo creates them through the statement line.
    let statementMoveIDs: Set<Int>
    let movesByID: [Int: Move]
    let statementLinesByID: [Int: StatementLine]

    /// Keeps the lines exactly as given: no recomputed payment terms, taxes or rounding lines
    /// (Odoo's own tests and imports use this key; see account.move._sync_dynamic_lines).
    static let keepLines: RPCStruct = ["skip_invoice_sync": true, "tracking_disable": true]

    init(client: OdooClient, tag: String, progress: PullProgress?, batchSize: Int, snapshot: LedgerSnapshot) {
        self.client = client
        self.progress = progress
        self.batchSize = max(1, batchSize)
        self.snapshot = snapshot
        self.xids = OdooExternalIDs(client: client, module: tag)
        self.linesByMove = Dictionary(grouping: snapshot.lines, by: \.moveID).mapValues { $0.sorted { $0.id < $1.id } }
        self.statementMoveIDs = Set(snapshot.statementLines.map(\.moveID))
        self.movesByID = Dictionary(snapshot.moves.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.statementLinesByID = Dictionary(snapshot.statementLines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func prepare() async throws {
        let uid = try await client.authenticate()
        guard let user = try await client.read("res.users", ids: [uid], fields: ["company_id"]).first,
              let company = user["company_id"]?.many2one else {
            throw OdooLedgerImportError("The Odoo user has no current company, so there is nowhere to import the ledger into.")
        }
        companyID = company.id
        let currency = try await client.read("res.company", ids: [company.id], fields: ["currency_id"]).first?["currency_id"]?.many2one
        let wanted = snapshot.company.currency.code.description
        guard currency?.name == wanted else {
            throw OdooLedgerImportError(
                "Company '\(company.name)' keeps its books in \(currency?.name ?? "no currency"), but the snapshot's company uses \(wanted): "
                + "import into a database whose company currency is \(wanted).")
        }
        try await xids.load()
        try await joinGroups(uid: uid)
    }

    /// Odoo Community hides bank statement lines and analytic plans behind "Show Full Accounting
    /// Features" and "Analytic Accounting", which a fresh database gives nobody, not even the
    /// administrator: the importing user joins them (what ticking those settings does).
    mutating func joinGroups(uid: Int) async throws {
        var wanted = ["account": "group_account_user"]
        if snapshot.lines.contains(where: { $0.analytic != nil }) { wanted["analytic"] = "group_analytic_accounting" }
        let groups = OdooUserGroups(client: client)
        for (module, name) in wanted.sorted(by: { $0.key < $1.key }) {
            guard let group = try await groups.group(module: module, name: name),
                  !(try await groups.isMember(uid: uid, of: group)) else { continue }
            do {
                try await groups.join(uid: uid, group: group)
                report.countUpdate("res.users")
            } catch let error as OdooError where !error.isTransient {
                report.warn("Odoo refused to add the importing user to \(module).\(name), so records that need it may be refused: \(OdooErrorText.oneLine(error))")
            }
        }
    }

    func account(_ snapshotID: Int) -> Int? { report.odooID("account.account", snapshotID) }
    func journal(_ snapshotID: Int) -> Int? { report.odooID("account.journal", snapshotID) }
    func partner(_ snapshotID: Int?) -> Int? { snapshotID.flatMap { report.odooID("res.partner", $0) } }
    func currency(_ snapshotID: Int) -> Int? { report.odooID("res.currency", snapshotID) }
    func tax(_ snapshotID: Int) -> Int? { report.odooID("account.tax", snapshotID) }
    func analyticAccount(_ snapshotID: Int) -> Int? { report.odooID("account.analytic.account", snapshotID) }

    func snapshotCurrency(_ id: Int) -> Currency { snapshot.currencies.first { $0.id == id } ?? snapshot.company.currency }

    /// Runs `body` over `items` in chunks of `size`.
    static func chunks<T>(_ items: [T], size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }
}
