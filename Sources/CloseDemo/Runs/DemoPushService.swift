public import CloseSettings
public import CloseStore
import CloseWorkflows
public import DemoCompany
public import Ledger
import OdooLedger
import Foundation
import OdooRPC

/// `closer demo --push-to URL/DB`: writes the demo company into a real Odoo, so every feature can
/// be tried against Odoo itself. Audited before and after; idempotent (a re-run creates nothing twice).
public struct DemoPushService: Sendable {
    public var options: DemoOptions
    public var settings: OdooSettings
    public var store: AppDatabase
    public var actor: String

    public init(options: DemoOptions, settings: OdooSettings, store: AppDatabase, actor: String) {
        self.options = options
        self.settings = settings
        self.store = store
        self.actor = actor
    }

    /// Splits "http://host:8069/closerpush" into the server address and the database name.
    public static func target(_ text: String) throws -> (url: String, database: String) {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), let host = url.host,
              url.pathComponents.count == 2 else {
            throw SettingsError(missing: [], invalid: ["--push-to '\(text)' must be an Odoo address followed by the database, e.g. http://127.0.0.1:8069/closerpush"])
        }
        return (scheme + "://" + host + (url.port.map { ":\($0)" } ?? ""), url.pathComponents[1])
    }

    /// Writes DemoStampsSQL for what `run` pushed: the stamps the External API could not set.
    public func writeStamps(for pushed: LedgerImportReport, to path: String) throws {
        let text = DemoStampsSQL.text(snapshot: DemoCompany.generate(options).snapshot, pushed: pushed, database: settings.endpoint.database)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    public func run(progress: PullProgress?) async throws -> LedgerImportReport {
        try settings.mode.requireWrites(for: "closer demo --push-to")
        let book = DemoCompany.generate(options)
        let target = AuditTarget(model: "odoo.database", id: settings.endpoint.database, name: settings.endpoint.url.absoluteString)
        try store.recordAudit(NewAuditEvent(actor: actor, action: "demo.push.started", targets: [target], payload: AuditPayload([
            "seed": String(options.seed), "moves": String(book.snapshot.moves.count), "lines": String(book.snapshot.lines.count),
        ])))
        let client = OdooGateway.client(settings)
        do {
            let report = try await OdooLedgerImporter(client: client, progress: progress).importLedger(book.snapshot, purchasing: book.purchasing)
            try store.recordAudit(NewAuditEvent(actor: actor, action: "demo.push.finished", targets: [target], payload: AuditPayload([
                "created": String(report.totalCreated), "warnings": String(report.warnings.count),
            ]), outcome: report.warnings.isEmpty ? "ok" : "ok-with-warnings"))
            return report
        } catch {
            _ = try? store.recordAudit(NewAuditEvent(actor: actor, action: "demo.push.finished", targets: [target],
                                                 payload: AuditPayload(["error": String(describing: error)]), outcome: "failed"))
            throw error
        }
    }
}
