public import Automation
public import CloseSettings
public import CloseStore
import CloseWorkflows
import Governance
import OdooRPC
import Foundation
import Hummingbird
import Logging
import Ledger

/// What `closer serve` does on its own, from closer-automation.yaml: refreshes that Odoo's webhooks
/// ask for, scheduled close runs, and signed notifications out. All of it acts as the agent user and
/// shares one lock per company, so a webhook refresh never pulls alongside a scheduled close.
public struct ServerAutomation: Sendable {
    public var config: AutomationConfig
    let refresh: IncrementalRefreshService?
    let scheduler: CloseScheduler?
    let dispatcher: WebhookDispatcher?
    /// Intake of the vendor bills Odoo's webhooks name; nil without an Odoo connection.
    let billIntake: BillIntakeQueue?
    let store: AppDatabase

    /// `sources` opens the ledger a refresh or a scheduled run pulls from (Odoo, or the demo company in tests).
    public init(config: AutomationConfig, store: AppDatabase, ruleSet: RuleSet, odoo: OdooSettings?,
                sources: @escaping IncrementalRefreshService.SourceFactory) {
        self.config = config
        self.store = store
        let locks = CompanyRunLock()
        refresh = config.inbound.map { inbound in
            IncrementalRefreshService(store: store, actor: CloserUser.agentLogin, locks: locks, sources: sources, ruleSet: ruleSet,
                                      coalescing: inbound.coalescing)
        }
        scheduler = config.schedules.isEmpty ? nil : CloseScheduler(
            store: store, schedules: config.schedules, locks: locks,
            work: CloseScheduler.closeRuns(store: store, actor: CloserUser.agentLogin, ruleSet: ruleSet, sources: sources))
        billIntake = config.inbound == nil ? nil : odoo.map { odoo in
            BillIntakeQueue(service: BillIntakeService(store: store, settings: odoo, rules: ruleSet.payables, actor: CloserUser.agentLogin))
        }
        dispatcher = config.outbound.map { outbound in
            WebhookDispatcher(store: store, signer: WebhookSigner(secret: outbound.signingSecret),
                              policy: WebhookRetryPolicy(maxAttempts: outbound.maxAttempts), timeout: outbound.timeout,
                              actor: CloserUser.agentLogin)
        }
    }

    /// Runs the scheduler and the outgoing webhooks until cancelled; refreshes run when webhooks ask.
    func run(logger: Logger) async {
        await withTaskGroup(of: Void.self) { group in
            if let scheduler { group.addTask { await scheduler.run() } }
            if let dispatcher, let outbound = config.outbound {
                group.addTask { await dispatcher.run(feed: WebhookEventFeed(store: store), targets: outbound.targets, logger: logger) }
            }
        }
    }

    /// Verifies an Odoo webhook and asks for a refresh of the company it concerns; a touched journal entry
    /// also goes to bill intake (which skips anything but the company's vendor bills).
    func acceptOdooWebhook(headers: [String: String], query: [String: String], body: [UInt8], sourceKey: SourceKey) async throws -> OdooWebhookTouch {
        guard let refresh, let inbound = config.inbound else { throw AutomationError.webhooksNotConfigured(config.origin) }
        do {
            let touch = try await refresh.accept(headers: headers, query: query, body: body, sourceKey: sourceKey,
                                                 receiver: OdooWebhookReceiver(secret: inbound.secret))
            if touch.model == "account.move", let billIntake { await billIntake.submit(billID: touch.recordID) }
            return touch
        } catch {
            throw APIError(HTTPResponse.Status(code: error.httpStatus), code: error.code.replacingOccurrences(of: "-", with: "_"), error.description)
        }
    }
}

extension ServerAutomation {
    /// Ledgers from the configured Odoo; with none configured, each run fails saying so.
    static func odooSources(_ odoo: OdooSettings?) -> IncrementalRefreshService.SourceFactory {
        { sourceKey in
            guard let odoo else { throw AutomationError.odooNotConfigured }
            // The same check as write-back: a stored ledger is only ever refreshed from the database it came from.
            return try OdooGateway.source(odoo, writingTo: sourceKey, what: "the scheduled or webhook refresh", action: "pull")
        }
    }
}

/// Automation asked for something its configuration does not provide.
enum AutomationError: Error, CustomStringConvertible {
    case odooNotConfigured
    case webhooksNotConfigured(String)

    var description: String {
        switch self {
        case .odooNotConfigured:
            "Refreshing from Odoo needs a connection: start `closer serve` with --url/--db/--user (or CLOSER_ODOO_*)."
        case .webhooksNotConfigured(let origin):
            "This server takes no Odoo webhooks: add webhooks.inbound to \(origin) and restart it."
        }
    }
}
