public import Ledger

/// Northwind's group: the demo company as the parent, and Northwind Robotics Inc., a subsidiary in
/// the same Odoo database (company 2) that sells it goods every month and pays it a management fee.
/// The parent's own business is `DemoCompany.generate`'s, unchanged; the intercompany entries are
/// appended after it from a separate random stream. Two mismatches are planted in the close period.
public enum DemoGroup {
    public static let subsidiaryName = "Northwind Robotics Inc."
    /// What the parent charges the subsidiary every month, in cents (no tax).
    public static let managementFee: Int64 = 550_000

    /// `subsidiaryClosed`: the subsidiary has locked the close period (fiscal-year lock at its end),
    /// so the parent's consolidation need not wait for it.
    public static func generate(_ options: DemoOptions = DemoOptions(), subsidiaryClosed: Bool = true) -> DemoGroupBooks {
        var generator = DemoGroupGenerator(parent: DemoCompany.generate(options), options: options, subsidiaryClosed: subsidiaryClosed)
        generator.run()
        return generator.books()
    }
}

/// The parent's and the subsidiary's books, and the intercompany differences planted between them.
public struct DemoGroupBooks: Sendable {
    public var parent: DemoBook
    public var subsidiary: DemoBook
    public var planted: [PlantedIntercompanyDifference]

    /// As the store knows them: one demo database, two companies (like `odoo:…#db/company=N`).
    public var parentSourceKey: SourceKey { Self.sourceKey(seed: parent.groundTruth.seed, companyID: parent.snapshot.company.id) }
    public var subsidiarySourceKey: SourceKey { Self.sourceKey(seed: subsidiary.groundTruth.seed, companyID: subsidiary.snapshot.company.id) }

    static func sourceKey(seed: UInt64, companyID: Int) -> SourceKey { .demo("northwind-group", seed: seed, companyID: companyID) }
}

/// A difference planted between two group companies' books, as the intercompany matcher should
/// explain it: `kind` is the matcher's id ("missing-at-buyer", "amounts-differ").
public struct PlantedIntercompanyDifference: Sendable, Codable, Hashable {
    public var kind: String
    /// The company whose receivable and revenue are compared (it sold), and the one that bought.
    public var seller: String
    public var buyer: String
    public var sellerDocument: RecordRef?
    public var buyerDocument: RecordRef?
    /// Seller minus buyer, on the receivable/payable balance (tax included) and on revenue/expense (tax excluded).
    public var balanceDifference: Money
    public var revenueDifference: Money
    public var detail: String
}
