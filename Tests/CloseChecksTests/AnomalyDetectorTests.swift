@testable import CloseChecks
import DemoCompany
import Ledger
import Testing

/// Small hand-built ledgers per detector: one that must be flagged, one that must not.
@Suite struct AnomalyDetectorTests {
    typealias L = CheckFixture.L
    static let usd = CheckFixture.usd
    enum Acc { static let office = 28, software = 23, bank = 1, payable = 11, tax = 14, accrued = 12 }

    /// The fixture's chart plus expense accounts, a tax account, vendors and a payroll journal.
    static func base() -> CheckFixture {
        var fixture = CheckFixture()
        fixture.snapshot.accounts += [
            Account(id: 12, code: "212000", name: "Accrued Expenses", type: .currentLiabilities),
            Account(id: 14, code: "131000", name: "Tax Receivable", type: .currentAssets),
            Account(id: 23, code: "612000", name: "Software Subscriptions", type: .expense),
            Account(id: 28, code: "628000", name: "Office Supplies", type: .expense),
        ]
        fixture.snapshot.partners += [Partner(id: 2, name: "Paper Co"), Partner(id: 3, name: "CloudSuite")]
        return fixture
    }

    /// Appends a posted vendor bill (body on `account`, tax, payable) and returns its id.
    @discardableResult
    static func bill(_ fixture: inout CheckFixture, _ name: String, _ date: String, vendor: Int, account: Int = Acc.office,
                     amount: Int64, ref: String? = nil, by user: UserRef? = UserRef(id: 7, name: "Bob")) -> Int {
        let tax = amount / 10
        let id = fixture.add(name, date, journal: CheckFixture.Jnl.purchases, partner: vendor, [
            L(account: account, amount: amount, partner: vendor), L(account: Acc.tax, amount: tax, partner: vendor),
            L(account: Acc.payable, amount: -(amount + tax), partner: vendor)])
        let position = fixture.snapshot.moves.count - 1
        fixture.snapshot.moves[position].type = .vendorBill
        fixture.snapshot.moves[position].ref = ref ?? "R-\(id * 37)"
        fixture.snapshot.moves[position].amountTotal = usd.money(amount + tax)
        fixture.snapshot.moves[position].audit.createdBy = user
        let range = fixture.snapshot.lines.count - 3..<fixture.snapshot.lines.count
        for index in range { fixture.snapshot.lines[index].kind = [.product, .tax, .paymentTerm][index - range.lowerBound] }
        return id
    }

    static func run(_ id: String, _ fixture: CheckFixture, _ thresholds: AnomalyThresholds = AnomalyThresholds()) -> [Finding] {
        AnomalyRegistry.detector(id: id)!.run(fixture.context, thresholds)
    }

    static func ids(_ findings: [Finding]) -> Set<Int> { Set(findings.flatMap(\.records).map(\.id)) }

    static func checkShape(_ findings: [Finding]) {
        for finding in findings {
            #expect(finding.severity == .warning)
            #expect(finding.evidence["score"].flatMap(Double.init).map { (0...1).contains($0) } == true)
            #expect(!(finding.evidence["reason"] ?? "").isEmpty)
        }
    }

    /// Monthly office bills Jan–Sep 2026 of 100…180.
    static func officeHistory(_ fixture: inout CheckFixture, vendor: Int = 2) {
        for month in 1...9 {
            bill(&fixture, "BILL/2026/0\(month)/0001", "2026-0\(month)-10", vendor: vendor, amount: 10_000 + Int64(month) * 1_000)
        }
    }

    @Test func duplicateVendorBill() {
        var fixture = Self.base()
        let a = Self.bill(&fixture, "BILL/2026/10/0001", "2026-10-05", vendor: 2, amount: 50_000, ref: "PC-2026-0042")
        let b = Self.bill(&fixture, "BILL/2026/10/0002", "2026-10-08", vendor: 2, amount: 50_000, ref: "pc 2026/0047")
        Self.bill(&fixture, "BILL/2026/10/0003", "2026-10-09", vendor: 2, amount: 51_000, ref: "PC-2026-0048")  // total and ref both differ
        Self.bill(&fixture, "BILL/2026/10/0004", "2026-10-30", vendor: 2, amount: 50_000, ref: "PC-2026-0042")  // 25 days later
        let findings = Self.run("duplicate-vendor-bill", fixture)
        Self.checkShape(findings)
        #expect(findings.count == 1)
        #expect(findings.first.map { Set($0.records.map(\.id)) } == [a, b])
    }

    @Test func unusualAmount() {
        var fixture = Self.base()
        Self.officeHistory(&fixture)
        let big = Self.bill(&fixture, "BILL/2026/10/0001", "2026-10-10", vendor: 2, amount: 248_000)
        Self.bill(&fixture, "BILL/2026/10/0002", "2026-10-12", vendor: 2, amount: 16_000)
        let findings = Self.run("unusual-amount", fixture)
        Self.checkShape(findings)
        let bigLine = fixture.snapshot.lines.first { $0.moveID == big && $0.accountID == Acc.office }!.id
        #expect(Self.ids(findings) == [bigLine])
        #expect(findings.first?.evidence["reason"]?.contains("2,480.00 is") == true)

        var short = Self.base()   // fewer than 6 history lines: no baseline, no finding
        for month in 1...5 { Self.bill(&short, "BILL/2026/0\(month)/0001", "2026-0\(month)-10", vendor: 2, amount: 10_000) }
        Self.bill(&short, "BILL/2026/10/0001", "2026-10-10", vendor: 2, amount: 248_000)
        #expect(Self.run("unusual-amount", short).isEmpty)
    }

    @Test func rareAccountPartner() {
        var fixture = Self.base()
        Self.officeHistory(&fixture)
        let rare = Self.bill(&fixture, "BILL/2026/10/0001", "2026-10-10", vendor: 2, account: Acc.software, amount: 20_000)
        Self.bill(&fixture, "BILL/2026/10/0002", "2026-10-12", vendor: 2, amount: 12_000)                     // usual pair
        Self.bill(&fixture, "BILL/2026/10/0003", "2026-10-13", vendor: 3, account: Acc.software, amount: 9_000) // new partner: no history
        let findings = Self.run("rare-account-partner", fixture)
        Self.checkShape(findings)
        let line = fixture.snapshot.lines.first { $0.moveID == rare && $0.accountID == Acc.software }!.id
        #expect(Self.ids(findings) == [line])
    }

    @Test func benfordDeviation() {
        var fixture = Self.base()
        // Paper Co: 24 bills all starting with 8 or 9; CloudSuite: 30 amounts spread like Benford (log-uniform).
        for i in 0..<24 {
            Self.bill(&fixture, "BILL/P/\(i)", "2026-0\(i % 9 + 1)-1\(i % 9)", vendor: 2, amount: Int64(80_000 + i * 731))
        }
        var x = 1.0
        for i in 0..<30 {
            x *= 1.258925  // 10^(1/10): first digits follow Benford over whole decades
            Self.bill(&fixture, "BILL/C/\(i)", "2026-0\(i % 9 + 1)-2\(i % 9)", vendor: 3, amount: Int64(x * 10_000))
        }
        let findings = Self.run("benford-deviation", fixture)
        Self.checkShape(findings)
        #expect(Self.ids(findings) == [2])
        #expect(findings.first?.records.first?.model == "res.partner")
    }

    @Test func roundAmountManualEntry() {
        var fixture = Self.base()
        for month in 7...9 {   // a recurring 6,000.00 accrual: not suspicious
            fixture.add("MISC/2026/0\(month)/0001", "2026-0\(month)-28", [L(account: Acc.office, amount: 600_000), L(account: Acc.accrued, amount: -600_000)])
        }
        let round = fixture.add("MISC/2026/10/0001", "2026-10-13", [L(account: Acc.office, amount: 1_000_000), L(account: Acc.accrued, amount: -1_000_000)])
        fixture.add("MISC/2026/10/0002", "2026-10-28", [L(account: Acc.office, amount: 600_000), L(account: Acc.accrued, amount: -600_000)])
        fixture.add("MISC/2026/10/0003", "2026-10-14", [L(account: Acc.office, amount: 1_000_050), L(account: Acc.accrued, amount: -1_000_050)])
        fixture.add("MISC/2026/10/0004", "2026-10-15", [L(account: Acc.office, amount: 400_000), L(account: Acc.accrued, amount: -400_000)])
        fixture.add("BNK1/2026/10/0001", "2026-10-16", journal: CheckFixture.Jnl.bank, [L(account: Acc.bank, amount: 2_000_000), L(account: Acc.accrued, amount: -2_000_000)])
        let findings = Self.run("round-amount-manual-entry", fixture)
        Self.checkShape(findings)
        #expect(Self.ids(findings) == [round])
    }

    @Test func weekendPosting() {
        var fixture = Self.base()
        let human = UserRef(id: 7, name: "Bob"), bot = UserRef(id: 1, name: "OdooBot")
        let saturday = fixture.simple("MISC/2026/10/0001", "2026-10-03")
        let keyedSunday = fixture.simple("MISC/2026/10/0002", "2026-10-02", created: "2026-10-04 22:00:00")
        let byBot = fixture.simple("MISC/2026/10/0003", "2026-10-10")
        fixture.simple("MISC/2026/10/0004", "2026-10-06")
        for index in fixture.snapshot.moves.indices {
            fixture.snapshot.moves[index].audit.createdBy = fixture.snapshot.moves[index].id == byBot ? bot : human
        }
        let findings = Self.run("weekend-posting", fixture)
        Self.checkShape(findings)
        #expect(Self.ids(findings) == [saturday, keyedSunday])
    }

    @Test func unusualUserJournal() {
        var fixture = Self.base()
        for month in 1...9 { fixture.simple("MISC/2026/0\(month)/0001", "2026-0\(month)-07") }
        for month in 1...3 { fixture.simple("BNK1/2026/0\(month)/0001", "2026-0\(month)-07", journal: CheckFixture.Jnl.bank) }
        let bob = UserRef(id: 7, name: "Bob"), carol = UserRef(id: 8, name: "Carol")
        for index in fixture.snapshot.moves.indices { fixture.snapshot.moves[index].audit.createdBy = bob }
        let odd = fixture.simple("MISC/2026/10/0001", "2026-10-07")
        fixture.simple("MISC/2026/10/0002", "2026-10-08")
        let bank = fixture.simple("BNK1/2026/10/0001", "2026-10-08", journal: CheckFixture.Jnl.bank)  // journal with < 6 history moves
        for index in fixture.snapshot.moves.indices where [odd, bank].contains(fixture.snapshot.moves[index].id) {
            fixture.snapshot.moves[index].audit.createdBy = carol
        }
        for index in fixture.snapshot.moves.indices where fixture.snapshot.moves[index].audit.createdBy == nil {
            fixture.snapshot.moves[index].audit.createdBy = bob
        }
        let findings = Self.run("unusual-user-journal", fixture)
        Self.checkShape(findings)
        #expect(Self.ids(findings) == [odd])
    }

    @Test func missingRecurringBill() {
        var fixture = Self.base()
        for (month, amount) in [(6, Int64(100_000)), (7, 110_000), (8, 120_000), (9, 130_000)] {
            Self.bill(&fixture, "BILL/3/\(month)", "2026-0\(month)-15", vendor: 3, account: Acc.software, amount: amount)
        }
        for month in [6, 8, 9] { Self.bill(&fixture, "BILL/2/\(month)", "2026-0\(month)-15", vendor: 2, amount: 10_000) }
        Self.bill(&fixture, "BILL/2/10", "2026-10-15", vendor: 2, amount: 10_000)   // Paper Co did bill this month
        let findings = Self.run("missing-recurring-bill", fixture)
        Self.checkShape(findings)
        #expect(Self.ids(findings) == [3])
        #expect(findings.first?.evidence["expected"] == "1,200.00 USD")
        #expect(findings.first?.records.first?.model == "res.partner")
    }

    @Test func helpers() {
        #expect(AnomalyMath.editDistance(Array("PC20260042".utf8), Array("PC20260047".utf8), limit: 2) == 1)
        #expect(AnomalyMath.editDistance(Array("ABC".utf8), Array("XYZW".utf8), limit: 2) == 3)
        #expect(AnomalyMath.normalizedReference("pc 2026/0047") == Array("PC20260047".utf8))
        #expect(AnomalyMath.format(0.735, decimals: 2) == "0.74" || AnomalyMath.format(0.735, decimals: 2) == "0.73")
        #expect(AnomalyMath.format(11.25, decimals: 1) == "11.3" || AnomalyMath.format(11.25, decimals: 1) == "11.2")
        #expect(AnomalyMath.median([5, 1, 3, 2] as [Int64]) == 2.5)
    }

    /// The detectors keep the bar on other seeds of the demo company too.
    @Test(arguments: [UInt64(7), 2024])
    func otherSeeds(seed: UInt64) {
        let book = DemoCompany.generate(DemoOptions(seed: seed))
        let truth = book.groundTruth
        let context = CheckContext(snapshot: book.snapshot, period: truth.period, asOf: truth.asOf)
        for detector in AnomalyRegistry.all {
            let alsoPlanted = Set(truth.linesAlsoOfKind(detector.id, in: book.snapshot).map { "account.move.line#\($0)" })
                .union(truth.noiseRecords(of: detector.id).map { "\($0.model)#\($0.id)" })
            let found = Set(detector.run(context, AnomalyThresholds()).flatMap(\.records).map { "\($0.model)#\($0.id)" }).subtracting(alsoPlanted)
            let planted = Set(truth.problems(of: detector.id).flatMap(\.records).map { "\($0.model)#\($0.id)" })
            let hits = found.intersection(planted).count
            let precision = found.isEmpty ? 0 : Double(hits) / Double(found.count), recall = Double(hits) / Double(max(planted.count, 1))
            print("[anomaly seed \(seed)] \(detector.id): precision \(AnomalyMath.format(precision, decimals: 2)) recall \(AnomalyMath.format(recall, decimals: 2))")
            #expect(precision >= 0.9 && recall >= 0.9, "seed \(seed) \(detector.id): extra \(found.subtracting(planted).sorted()) missed \(planted.subtracting(found).sorted())")
        }
    }
}
