public import CloseSettings
public import CloseStore
import Governance
public import Ledger
public import OdooLedger
public import Receivables
import Foundation
import OdooRPC

/// Credit holds end to end: judges every customer Odoo shows owing or ordering against `receivables.credit`,
/// proposes a hold for each over policy (one open hold per customer), applies approved holds as the customer's
/// blocking sales warning in Odoo, and releases holds once the customer is back within policy, putting back the
/// warning that was there before. Every step is in the store and audited before Odoo is asked; Odoo is read
/// before it is written, so a retry after a lost answer writes nothing twice. Audit mode writes nothing to Odoo.
public struct CreditHoldService: Sendable {
    public var store: AppDatabase
    public var settings: OdooSettings
    public var rules: CreditRules
    let source: OdooLedgerSource

    /// Who takes the steps nobody decides (withdrawing a proposal, an automatic release): Closer itself.
    public static let closerActor = CloserUser.agentLogin

    public init(store: AppDatabase, settings: OdooSettings, rules: CreditRules) {
        self.store = store
        self.settings = settings
        self.rules = rules
        source = OdooGateway.source(settings)
    }

    /// Reads Odoo and judges every customer; proposes holds (as `actor`) when `propose`, releases the holds of customers
    /// back within policy, and — outside audit mode — applies approved holds when `apply` and finishes what a lost answer left.
    public func run(asOf: LocalDate, propose: Bool, apply: Bool, actor: String) async throws -> CreditHoldRun {
        if apply { try settings.mode.requireWrites(for: "Applying credit holds (--apply)") }
        let sourceKey = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let open = Dictionary(try store.creditHolds(sourceKey: sourceKey, statuses: CreditHoldStatus.open).map { ($0.partnerID, $0) }) { $1 }
        let reading = try await source.customerCredit(including: open.keys.sorted())
        var run = CreditHoldRun(source: sourceKey, asOf: asOf, writes: settings.mode != .audit)
        run.creditLimitsUsed = reading.creditLimitsUsed
        run.salesInstalled = reading.salesInstalled
        if !reading.creditLimitsUsed {
            run.notes.append("The company does not use credit limits in Odoo (Invoicing settings, Customer Credit Limit): customers are judged "
                             + "only on what is more than \(rules.seriouslyOverdueDays) days overdue.")
        }
        let policy = CreditPolicy(rules: rules)
        for credit in reading.customers {
            let verdict = policy.judge(credit, asOf: asOf)
            let hold = open[credit.customerID]
            if !verdict.withinPolicy || hold != nil { run.verdicts.append(verdict) }
            switch policy.step(verdict, openHold: hold?.status) {
            case .propose where propose:
                let (proposed, created) = try store.proposeCreditHold(verdict, sourceKey: sourceKey, actor: actor)
                if created { run.proposed.append(proposed) }
            case .release:
                guard let hold else { break }
                if hold.odooBlock != nil && !run.writes {
                    run.notes.append("\(hold.title.capitalizedFirst) is back within policy (\(verdict.standing)): a run outside audit mode releases it in Odoo.")
                    break
                }
                let reason = (hold.status == .applied ? "back within policy: " : "no longer needed: ") + verdict.standing
                run.released.append(try store.releaseCreditHold(id: hold.id, reason: reason, actor: Self.closerActor))
            default: break
            }
        }
        guard run.writes else { return run }
        let warnings = OdooSaleWarning(client: source.client)
        if apply {
            let approved = try store.creditHolds(sourceKey: sourceKey, statuses: [.approved])
            if !approved.isEmpty && !reading.salesInstalled {
                run.notes.append(CreditHoldServiceError.salesNotInstalled(database: settings.endpoint.database).description)
            }
            for hold in approved where reading.salesInstalled {
                do {
                    run.applied.append(try await Self.apply(hold, store: store, warnings: warnings, actor: actor))
                } catch let error as CreditHoldServiceError {
                    run.notes.append(error.description)
                }
            }
        }
        for hold in try store.creditHolds(sourceKey: sourceKey, statuses: [.released]) where hold.odooBlock == .lifting {
            _ = try await Self.lift(hold, store: store, warnings: warnings, actor: Self.closerActor)
        }
        return run
    }

    /// Sets the hold's blocking warning on the customer: claimed in the store with the warning found there (unless
    /// a lost answer already left the hold's own warning in Odoo), written, then applied.
    static func apply(_ hold: CreditHold, store: AppDatabase, warnings: OdooSaleWarning, actor: String) async throws -> CreditHold {
        guard let current = try await warnings.warning(of: hold.partnerID) else { throw CreditHoldServiceError.customerGone(hold) }
        if !(hold.odooBlock == .claimed && current.isHold(hold.id)) {
            let claimed = try store.claimCreditHoldBlock(id: hold.id, previous: current, actor: actor)
            try await warnings.set(SaleWarning.hold(hold.id, reasons: hold.reasons, approvedBy: hold.approved?.by ?? actor, previous: current),
                                   on: claimed.partnerID)
        }
        return try store.markCreditHoldApplied(id: hold.id, actor: actor)
    }

    /// Puts back the warning the customer had before the hold — only while the hold's own warning is there (someone
    /// who changed it since decided for themselves).
    static func lift(_ hold: CreditHold, store: AppDatabase, warnings: OdooSaleWarning, actor: String) async throws -> CreditHold {
        let current = try await warnings.warning(of: hold.partnerID)
        var restored = current == hold.previousWarning
        if let current, let previous = hold.previousWarning, current.isHold(hold.id) {
            try await warnings.set(previous, on: hold.partnerID)
            restored = true
        }
        return try store.markCreditHoldLifted(id: hold.id, restored: restored, actor: actor)
    }
}

extension CreditHoldService {
    /// Approves a proposed hold as `actor` (an approver or controller who did not propose it) and, when the mode writes,
    /// applies it in Odoo at once; in audit mode (or without a connection) the next `--apply` run does. What every surface calls.
    public static func approve(store: AppDatabase, settings: OdooSettings?, id: Int64, actor: String) async throws -> CreditHold {
        let hold = try store.approveCreditHold(id: id, actor: actor)
        guard let settings, settings.mode != .audit else { return hold }
        let source = try OdooGateway.source(settings, writingTo: hold.sourceKey, what: "the credit hold's customer", action: "apply the hold")
        let warnings = OdooSaleWarning(client: source.client)
        guard try await warnings.isInstalled() else { return hold }
        return try await apply(hold, store: store, warnings: warnings, actor: actor)
    }

    /// Rejects a hold not yet applied, with the reason.
    public static func reject(store: AppDatabase, id: Int64, reason: String, actor: String) throws -> CreditHold {
        try store.rejectCreditHold(id: id, reason: reason, actor: actor)
    }
}

/// A credit step Odoo cannot take, in words that say what to do.
public enum CreditHoldServiceError: Error, CustomStringConvertible, Equatable {
    case salesNotInstalled(database: String)
    case customerGone(CreditHold)

    public var description: String {
        switch self {
        case .salesNotInstalled(let database):
            "Odoo's Sales app is not installed in database '\(database)': a credit hold is applied as the customer's blocking sales warning "
                + "(res.partner.sale_warn), which Sales adds. Install Sales, or reject the approved holds (`closer collections holds reject ID --reason ...`)."
        case .customerGone(let hold):
            "The customer of \(hold.title) (res.partner \(hold.partnerID)) is no longer in Odoo: reject or release the hold."
        }
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
