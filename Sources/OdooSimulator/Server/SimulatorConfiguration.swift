/// What the simulated Odoo serves and how it behaves: how many databases of how many lines, how slow each
/// call is, how often it fails, and how many calls it serves at once.
public struct SimulatorConfiguration: Sendable {
    /// Databases "tenant001" … (as many digits as the count needs), each generated on first use.
    public var tenants: Int
    /// Journal lines per database (the demo company's target; nil for its realistic size, about 20,000).
    public var linesPerTenant: Int?
    /// Database i is generated from seed + i, so every database is different and each is reproducible.
    public var seed: UInt64
    /// Added to every call: Odoo's own work and the network's round trip.
    public var latencyPerCall: Duration
    /// Added per record a read returns (rendering and sending it).
    public var latencyPerRecord: Duration
    /// Share of calls answered by a gateway's 502 instead of Odoo (0…1), chosen by `faultSeed`.
    public var badGatewayRate: Double
    /// Share of calls whose connection is closed without an answer (0…1).
    public var dropRate: Double
    public var faultSeed: UInt64
    /// Calls served at once (Odoo's workers); more wait for a free one, as they queue in front of Odoo.
    public var workers: Int

    public init(tenants: Int = 1, linesPerTenant: Int? = nil, seed: UInt64 = 42, latencyPerCall: Duration = .zero, latencyPerRecord: Duration = .zero,
                badGatewayRate: Double = 0, dropRate: Double = 0, faultSeed: UInt64 = 7, workers: Int = 4) {
        self.tenants = max(1, tenants)
        self.linesPerTenant = linesPerTenant
        self.seed = seed
        self.latencyPerCall = latencyPerCall
        self.latencyPerRecord = latencyPerRecord
        self.badGatewayRate = badGatewayRate
        self.dropRate = dropRate
        self.faultSeed = faultSeed
        self.workers = max(1, workers)
    }

    public var databaseNames: [String] {
        let width = String(tenants).count
        return (1...tenants).map { "tenant" + String(repeating: "0", count: width - String($0).count) + String($0) }
    }

    public static let login = "admin"
    public static let password = "admin"
}
