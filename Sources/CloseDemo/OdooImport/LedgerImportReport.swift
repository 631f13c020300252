/// What an import did: per Odoo model, how many records were created, reused (found by external
/// id or by code) or updated to match the snapshot; how snapshot ids map onto Odoo ids; and every
/// thing Odoo refused or that the External API cannot reproduce, one sentence per record.
public struct LedgerImportReport: Sendable, Codable, Equatable {
    public var created: [String: Int] = [:]
    public var reused: [String: Int] = [:]
    public var updated: [String: Int] = [:]
    /// model -> snapshot id -> Odoo id.
    public var idMap: [String: [Int: Int]] = [:]
    public var warnings: [String] = []
    public var seconds: Double = 0

    public init() {}

    /// Records created by this run, all models together (0 on a clean re-run).
    public var totalCreated: Int { created.values.reduce(0, +) }

    mutating func map(_ model: String, _ snapshotID: Int, to odooID: Int) {
        idMap[model, default: [:]][snapshotID] = odooID
    }

    func odooID(_ model: String, _ snapshotID: Int) -> Int? { idMap[model]?[snapshotID] }

    mutating func count(_ model: String, created isNew: Bool, by amount: Int = 1) {
        if isNew { created[model, default: 0] += amount } else { reused[model, default: 0] += amount }
    }

    mutating func countUpdate(_ model: String) { updated[model, default: 0] += 1 }

    mutating func warn(_ sentence: String) { warnings.append(sentence) }
}
