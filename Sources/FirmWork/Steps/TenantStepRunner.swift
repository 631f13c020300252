import CloseReports
public import CloseSettings
public import CloseStore
import CloseWorkflows
public import Foundation
import Governance
public import JobQueue
public import Ledger
import OdooLedger

/// Runs one step of one tenant's close in that tenant's own store (`<stores>/<tenant>.sqlite`, or the schema named as the
/// tenant — `<prefix>_<tenant>` when the URL says `?schema=<prefix>` — on the PostgreSQL server `storeServer` names), as the agent: the same services `closer close` and `closer package`
/// run, so a firm's close is the same close. The package is written to `<stores>/<tenant>-packages/<source>-<period>/`.
public struct TenantStepRunner: Sendable {
    public var stores: URL
    /// A PostgreSQL URL (`postgres://USER:PASSWORD@HOST/DATABASE[?schema=PREFIX]`): the tenants' stores are its schemas.
    public var storeServer: String?
    public var environment: [String: String]

    public init(stores: URL, storeServer: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.stores = stores
        self.storeServer = storeServer
        self.environment = environment
    }

    /// Where the tenant's store is: a file path, or a PostgreSQL URL naming its schema.
    public func storePath(of tenant: Tenant) -> String {
        guard let storeServer else { return stores.appendingPathComponent("\(tenant.id).sqlite").path }
        return AppDatabase.tenantStoreURL(storeServer, tenant: tenant.id)
    }

    /// Runs the step and says in a few words what it did. With `fence` (a worker's lease), the store refuses every
    /// write once a newer lease of the job has claimed it.
    public func run(_ kind: JobKind, for tenant: Tenant, period: Period, payload: CloseJobPayload, fence: StoreFence? = nil) async throws -> String {
        try FileManager.default.createDirectory(at: stores, withIntermediateDirectories: true)
        // The pull makes the tenant's store; a later step finding none is an error (the chain went wrong).
        let opened = kind == .pull ? try AppDatabase.openOrCreate(at: storePath(of: tenant)) : try AppDatabase.open(at: storePath(of: tenant))
        let store = try fence.map(opened.fenced(by:)) ?? opened
        let ruleSet = try tenant.rules.map(RuleSet.load(path:)) ?? .builtIn
        let asOf = payload.asOf ?? .todayUTC()
        let agent = CloserUser.agentLogin
        switch kind {
        case .pull:
            let resolver = try tenant.resolver(environment: environment)
            let settings = try OdooSettings(resolving: resolver)
            let source = OdooGateway.source(settings, store: store)
            let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
            let months = Int(resolver.string(.historyMonths) ?? "12") ?? 12
            let report = try await PullService(store: store, actor: agent).pull(from: source, sourceKey: key, period: period, historyMonths: months)
            return "pulled \(report.received.lines) lines\(report.incremental ? " (incremental)" : "")"
        case .check:
            let report = try CheckService(store: store, actor: agent)
                .run(sourceKey: try CheckService.onlySourceKey(in: store), period: period, asOf: asOf, ruleSet: ruleSet)
            return "\(report.findings.count) findings"
        case .reconcile:
            let report = try ReconcileService(store: store, actor: agent)
                .propose(sourceKey: try CheckService.onlySourceKey(in: store), period: period, rules: ruleSet.matching)
            return "\(report.proposals.count) bank-match proposals"
        case .propose:
            let report = try AdjustmentService(store: store, actor: agent)
                .propose(sourceKey: try CheckService.onlySourceKey(in: store), period: period, rules: ruleSet.adjustments)
            return "\(report.proposals.count) adjusting entries proposed"
        case .package:
            let package = try ClosePackageBuilder(store: store, ruleSet: ruleSet)
                .build(sourceKey: try CheckService.onlySourceKey(in: store), period: period, asOf: asOf)
            let folder = stores.appendingPathComponent("\(tenant.id)-packages", isDirectory: true).appendingPathComponent(package.folderName, isDirectory: true)
            let written = try package.write(to: folder)
            return "package of \(written.count) files"
        case .payablesRun, .receivablesRun, .webhookOut:
            throw FirmWorkError.notACloseStep(kind.rawValue)
        }
    }
}
