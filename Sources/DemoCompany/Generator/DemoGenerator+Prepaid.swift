import Ledger

extension DemoGenerator {
    /// Bills of the close period booked straight to an expense account although they pay for a year ahead, each from a
    /// vendor of its own and labelled the way real bills are (day-first dates, a German range, a split policy year,
    /// month abbreviations, no period at all from a vendor that bills its fleet cover once a year), beside look-alikes
    /// that must not be flagged: a large one-off repair, an audit fee for a year already over, the rent billed every
    /// month, and the yearly bills already booked to the prepaid account. Drawn from a stream of their own and
    /// added after everything else, so nothing generated before moves; the bills fall due after the payment run's horizon
    /// (90 days) and last year's fleet bill was paid, so the payment run sees none of them.
    mutating func plantPrepaidExpenses() {
        let main = random
        random = DemoRandom(seed: options.seed ^ 0x5052_4550_4149_44)
        defer { random = main }
        let account = DemoChart.AccountID.self
        let plants: [(vendor: String, account: Int, label: String, premium: ClosedRange<Int64>)] = [
            ("Harbor Mutual Assurance", account.insurance,
             "Property insurance " + Self.dayFirst(period.start, "/") + " - " + Self.dayFirst(period.advanced(by: 11).end, "/"), 1_800_000...2_600_000),
            ("Datenwerk GmbH", account.software,
             "Wartungsvertrag " + Self.dayFirst(period.next.start, ".") + " bis " + Self.dayFirst(period.advanced(by: 12).end, "."), 900_000...1_500_000),
            ("Keystone Cyber Cover", account.insurance, "Cyber policy \(period.year)/\(String(period.year + 1).suffix(2))", 1_100_000...1_700_000),
            ("Quayside Storage", account.rent, "Warehouse rent " + Self.abbreviated(period) + " to " + Self.abbreviated(period.advanced(by: 11)),
             2_400_000...3_600_000),
        ]
        for plant in plants {
            let vendor = addPartner(plant.vendor)
            let amount = random.int64(plant.premium) / 100 * 100
            let bill = makeBill(vendor: vendor, date: weekday(in: period, from: 1, to: 15), account: plant.account, amounts: [amount],
                                label: plant.label, pay: false, dueDays: 90)
            // Twelve months from the bill's month, or from the next (the German contract): what belongs after the period.
            let deferred = plant.label.hasPrefix("Wartungsvertrag") ? amount : amount - amount / 12
            self.plant("prepaid-expensed-at-once", [.move(bill)], "\(plant.label) (\(DemoChart.usd.money(amount))) from \(plant.vendor) expensed at once "
                       + "to \(DemoChart.accounts[plant.account - 1].displayName); \(DemoChart.usd.money(deferred)) is to be deferred", amount: deferred)
        }
        plantAnnualFleetCover()
        plantPrepaidLookAlikes()
    }

    /// "Fleet cover" with no period in its label, billed each year in the close period's month to the insurance account;
    /// last year's bill was paid through the bank like any other.
    private mutating func plantAnnualFleetCover() {
        let vendor = addPartner("Meridian Fleet Insurance")
        let premium = random.int64(1_200_000...1_800_000) / 100 * 100
        let lastYear = makeBill(vendor: vendor, date: weekday(in: period.advanced(by: -12), from: 1, to: 15), account: DemoChart.AccountID.insurance,
                                amounts: [premium], label: "Fleet cover", pay: false)
        let total = premium + Self.tax(on: premium)
        makeStatementLine(for: PlannedPayment(kind: .vendor, date: nextWeekday(from: builder.moves[lastYear].date.adding(days: 30)), partnerID: vendor,
                                              openItems: [builder.openItemIndex(of: lastYear)!], amount: -total, shape: "payment"))
        let renewal = premium + random.int64(0...40) * 1_000
        let bill = makeBill(vendor: vendor, date: weekday(in: period, from: 1, to: 15), account: DemoChart.AccountID.insurance,
                            amounts: [renewal], label: "Fleet cover", pay: false, dueDays: 90)
        plant("prepaid-expensed-at-once", [.move(bill)], "Fleet cover from Meridian Fleet Insurance, no period in the label, billed once a year "
              + "in the same month, expensed at once to 613000 Insurance; 11 of its 12 months are to be deferred", amount: renewal - renewal / 12)
    }

    private mutating func plantPrepaidLookAlikes() {
        let repairer = addPartner("Precision Spindle Service")
        let repair = makeBill(vendor: repairer, date: weekday(in: period, from: 1, to: 15), account: DemoChart.AccountID.repairs,
                              amounts: [random.int64(2_000_000...3_000_000) / 100 * 100], label: "Emergency repair of the CNC spindle", pay: false, dueDays: 90)
        lookAlikes.append(DraftProblem(kind: "prepaid-one-off-repair", records: [.move(repair)],
                                       detail: "A large one-off repair on a maintenance account: this period's cost, not a prepayment"))
        let auditor = addPartner("Baxter & Lane Auditors")
        let audit = makeBill(vendor: auditor, date: weekday(in: period, from: 1, to: 15), account: DemoChart.AccountID.consulting,
                             amounts: [random.int64(1_500_000...2_200_000) / 100 * 100], label: "Audit fee FY\(period.year - 1)", pay: false, dueDays: 90)
        lookAlikes.append(DraftProblem(kind: "prepaid-past-period-bill", records: [.move(audit)],
                                       detail: "An audit fee for a fiscal year already over, billed in the close period"))
        for bill in billsInPeriod(of: vendors.rent) {
            lookAlikes.append(DraftProblem(kind: "prepaid-billed-monthly", records: [.move(bill)],
                                           detail: "The month's rent, billed every month on the rent account"))
        }
        for bill in billsInPeriod(of: vendors.insurance) + billsInPeriod(of: vendors.cadSoftware) {
            lookAlikes.append(DraftProblem(kind: "prepaid-already-deferred", records: [.move(bill)],
                                           detail: "A yearly bill already booked to the prepaid account"))
        }
    }

    /// The vendor's bills dated in the close period.
    private func billsInPeriod(of vendor: Int) -> [Int] {
        builder.moves.indices.filter { builder.moves[$0].partnerID == vendor && builder.moves[$0].type == .vendorBill && period.contains(builder.moves[$0].date) }
    }

    /// "01/10/2026", "31.10.2027": dates as most of the world writes them.
    static func dayFirst(_ date: LocalDate, _ separator: String) -> String {
        [date.day, date.month].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: separator) + separator + String(date.year)
    }

    /// "Oct-26": how many labels write a month.
    static func abbreviated(_ month: Period) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month.month - 1] + "-" + String(month.year % 100)
    }
}
