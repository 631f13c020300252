public import CloseSettings
public import CloseWorkflows
public import JobQueue
public import Ledger

/// One tenant's row of the firm console: its close of a period as its own store has it, when that close is
/// due, and what the queue last did for it.
public struct TenantCard: Sendable {
    public var tenant: Tenant
    public var period: Period?
    /// nil while the tenant's store holds no company (never pulled) or no period to show.
    public var status: CloseStatus?
    public var deadline: LocalDate?
    /// Calendar days from the day asked about to the deadline; negative once late.
    public var daysToClose: Int?
    /// The tenant's latest jobs, newest first.
    public var jobs: [Job]
    /// Why the tenant's store could not be read (damaged, busy past the timeout); the other tenants' rows still show.
    public var problem: String?

    /// How urgent the row is, for the heat map's order: late and unlocked first, then by deadline, then least ready.
    var urgency: (Int, Int, Double) {
        let locked = status?.locked == true
        return (locked ? 1 : 0, daysToClose ?? Int.max, status?.readiness ?? 0)
    }
}
