import CloseStore
public import CloseSettings
import CloseWorkflows
import Foundation
public import JobQueue
public import Ledger

/// Reads tenants' cards: each from the tenant's own store (`<stores>/<tenant>.sqlite`, the workers' stores) and
/// the shared queue. A store is opened only for a tenant the caller was allowed to see.
public struct TenantCardReader: Sendable {
    public var stores: TenantStepRunner
    public var queue: any JobQueue

    public init(stores: TenantStepRunner, queue: any JobQueue) {
        self.stores = stores
        self.queue = queue
    }

    /// The tenant's card for `period`, or, when none is asked for, for the period its calendar says is being closed
    /// on `asOf` (else the latest its store checked). `actor` is who reads: a first look instantiates the checklist.
    public func card(for tenant: Tenant, period requested: Period?, asOf: LocalDate, actor: String, jobs: Int = 5) async throws -> TenantCard {
        let recent = try await queue.jobs(tenant: tenant.id, limit: jobs)
        var card = TenantCard(tenant: tenant, period: requested, status: nil, deadline: nil, daysToClose: nil, jobs: recent)
        do {
            let store = try AppDatabase.open(at: stores.storePath(of: tenant))
            if let source = try store.sourceKeys().first {
                let reader = CloseStatusReader(store: store, actor: actor)
                card.period = try requested ?? tenant.calendar?.periodToClose(on: asOf) ?? reader.currentPeriod(sourceKey: source)
                if let period = card.period { card.status = try reader.status(sourceKey: source, period: period, asOf: asOf) }
            }
        } catch StoreError.notFound {
            // Not pulled yet: the card says so by having no status.
        } catch {
            card.problem = String(describing: error)
        }
        card.period = card.period ?? tenant.calendar?.periodToClose(on: asOf)
        if let calendar = tenant.calendar, let period = card.period {
            let deadline = calendar.deadline(closing: period)
            card.deadline = deadline
            card.daysToClose = asOf.days(until: deadline)
        }
        return card
    }
}
