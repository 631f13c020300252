/// The figures a monitoring scrape reads from the store: what stands now, not what happened since
/// the server started, so they agree with the CLI and survive restarts.
public struct StoreGauges: Sendable, Hashable {
    /// Findings of each company's latest check run, by severity.
    public var findingsBySeverity: [String: Int]
    public var adjustmentsByStatus: [String: Int]
    public var bankMatchesByStatus: [String: Int]
    /// Current (not superseded) bank-match proposals, and how many of them the policy matched on its own.
    public var bankMatchesCurrent: Int
    public var bankMatchesAuto: Int
    /// Finished runs' durations in seconds, by kind (pull, check, propose, …).
    public var runDurations: [String: [Double]]
    public var runsByStatus: [String: Int]
    /// Outgoing webhook notifications by status (pending, delivered, dead).
    public var webhookDeliveriesByStatus: [String: Int]
}
