import Foundation
import Ledger

/// The demo's employees and expense reports of the close period, with the expense checks' problems planted each
/// beside a look-alike that must pass: a meal over the per-expense limit (another exactly at it), a day over the
/// per-day limit (another exactly at it), a taxi above the receipt threshold without one (a coffee below it), one
/// taxi claimed twice two days apart (two colleagues' lunches of one amount on one day, each with its receipt; one
/// parking fee a week apart), one dinner receipt claimed by two employees, and the manager approving his own report
/// (the others' approved by him as their manager). Amounts fit the built-in rules: a 100.00 limit on meals, 500.00 a
/// day, receipts above 25.00, near-duplicates within 5 % and 3 days.
struct DemoExpensePlanter {
    static let salt: UInt64 = 0xE7E0_5E5C_1A1D_2026

    private(set) var expenses = DemoExpenses()
    private(set) var problems: [PlantedProblem] = []
    private(set) var lookAlikes: [PlantedProblem] = []
    private var random: DemoRandom
    private let period: Period
    private var nextExpenseID = 1

    /// `firstContactID`: the partner id the employees' private contacts start at.
    init(seed: UInt64, period: Period, firstContactID: Int) {
        random = DemoRandom(seed: seed ^ Self.salt)
        self.period = period
        let people = [("Frank Moreno", 20), ("Dana Whitfield", 21), ("Evan Brooks", 22), ("Grace Liu", 23), ("Henry Okafor", 24)]
        expenses.employees = people.enumerated().map { index, person in
            DemoEmployee(id: index + 1, name: person.0, userID: person.1, contactID: firstContactID + index)
        }
        plant()
    }

    private var frank: DemoEmployee { expenses.employees[0] }
    private var dana: DemoEmployee { expenses.employees[1] }
    private var evan: DemoEmployee { expenses.employees[2] }
    private var grace: DemoEmployee { expenses.employees[3] }
    private var henry: DemoEmployee { expenses.employees[4] }

    private mutating func plant() {
        let overMeal = expense("Dinner with Northstar's buyer", .meals, cents(12_000...18_000), day: 3)
        let visit = report("Customer visit Boston", dana, approvedBy: frank, [overMeal])
        problem("expense-category-limit", [overMeal], "\(overMeal.amount) for a meal, over the 100.00 limit per meal")
        lookAlike("expense-approved-by-manager", sheet: visit, "\(visit.name) of \(dana.name) approved by her manager \(frank.name)")

        let hotel = expense("Hotel, trade fair", .lodging, cents(40_000...44_000), day: 6)
        let train = expense("Train to the trade fair", .travel, cents(12_000...16_000), day: 6)
        report("Trade fair Chicago", evan, [hotel, train])
        problem("expense-daily-limit", [hotel, train], "\(evan.name) claims \(hotel.amount + train.amount) for one day, over the 500.00 limit")

        let atDayHotel = expense("Hotel, site visit", .lodging, 38_000, day: 8)
        let atDayTrain = expense("Train to the site", .travel, 12_000, day: 8)
        report("Site visit Denver", henry, [atDayHotel, atDayTrain])
        lookAlike("expense-at-daily-limit", [atDayHotel, atDayTrain], "\(henry.name) claims exactly 500.00 for one day: at the limit, not over it")

        let taxi = expense("Taxi to the airport", .transport, cents(4_000...9_000), day: 10, receipted: false)
        let atLimitMeal = expense("Lunch with a supplier", .meals, 10_000, day: 12)
        let coffee = expense("Coffee with a customer", .meals, cents(800...2_500), day: 14, receipted: false)
        let graceLunch = expense("Team lunch", .meals, cents(4_500...8_000), day: 20)
        report("Client meetings", grace, [taxi, atLimitMeal, coffee, graceLunch])
        problem("expense-missing-receipt", [taxi], "\(taxi.amount) for a taxi with no receipt, above the 25.00 that needs one")
        lookAlike("expense-at-category-limit", [atLimitMeal], "a meal of exactly 100.00: at the limit, not over it")
        lookAlike("expense-receipt-below-threshold", [coffee], "\(coffee.amount) without a receipt, at or below the 25.00 that needs one")

        let firstTaxi = expense("Taxi to a customer", .transport, cents(1_800...2_400), day: 15)
        let secondTaxi = expense("Taxi, customer visit", .transport, firstTaxi.amount.minorUnits * Int64(random.int(97...100)) / 100, day: 17, receipted: false)
        report("Local travel", dana, [firstTaxi, secondTaxi])
        problem("expense-near-duplicate", [firstTaxi, secondTaxi],
                "\(dana.name)'s taxis of \(firstTaxi.amount) and \(secondTaxi.amount) two days apart, the second without a receipt: one ride claimed twice")

        let evanLunch = expense("Team lunch", .meals, graceLunch.amount.minorUnits, day: 20)
        let dinner = expense("Dinner with the supplier's team", .meals, cents(6_000...9_500), day: 25)
        report("Team offsite", evan, [evanLunch, dinner])
        lookAlike("expense-same-amount-two-employees", [graceLunch, evanLunch],
                  "\(grace.name) and \(evan.name) each paid \(evanLunch.amount) for lunch on one day, each with their own receipt")
        var sharedDinner = expense("Supplier dinner", .meals, dinner.amount.minorUnits, day: 25)
        sharedDinner.receipts = dinner.receipts
        let firstParking = expense("Parking", .transport, cents(1_000...2_000), day: 2, receipted: false)
        let secondParking = expense("Parking", .transport, firstParking.amount.minorUnits, day: 9, receipted: false)
        report("Supplier dinner and parking", henry, [sharedDinner, firstParking, secondParking])
        problem("expense-shared-receipt", [dinner, sharedDinner], "one dinner receipt claimed by \(evan.name) and by \(henry.name)")
        lookAlike("expense-same-amount-outside-window", [firstParking, secondParking],
                  "\(henry.name) paid \(firstParking.amount) for parking twice, a week apart: two parkings")

        let auditTrain = expense("Train to the supplier audit", .travel, cents(8_000...15_000), day: 22)
        let audit = report("Supplier audit trip", frank, approvedBy: frank, [auditTrain])
        problems.append(PlantedProblem(kind: "expense-self-approval", records: [audit], detail: "\(audit.name) of \(frank.name) was approved by \(frank.name)"))
    }

    private mutating func cents(_ range: ClosedRange<Int64>) -> Int64 { random.int64(range) }

    private mutating func expense(_ name: String, _ category: DemoExpenseCategory, _ cents: Int64, day: Int, receipted: Bool = true) -> DemoExpense {
        defer { nextExpenseID += 1 }
        let date = period.start.adding(days: day - 1)
        return DemoExpense(id: nextExpenseID, name: name, category: category, amount: DemoChart.usd.money(cents), date: date,
                           receipts: receipted ? [receipt()] : [])
    }

    /// A receipt file's SHA-1 checksum, as Odoo stores it on the attachment.
    private mutating func receipt() -> String {
        (0..<5).map { _ in String(format: "%08x", UInt32(truncatingIfNeeded: random.next())) }.joined()
    }

    /// A report of `employee`'s, submitted, or approved by `approver`; its expenses are stamped with it.
    @discardableResult
    private mutating func report(_ name: String, _ employee: DemoEmployee, approvedBy approver: DemoEmployee? = nil, _ claims: [DemoExpense]) -> RecordRef {
        let id = expenses.reports.count + 1
        expenses.reports.append(DemoExpenseReport(id: id, name: name, employeeID: employee.id, state: approver == nil ? "submit" : "approve",
                                                  managerUserID: frank.userID, approverUserID: approver?.userID, expenses: claims))
        return RecordRef(model: "hr.expense.sheet", id: id, name: name)
    }

    private mutating func problem(_ kind: String, _ claims: [DemoExpense], _ detail: String) {
        problems.append(PlantedProblem(kind: kind, records: claims.map(Self.ref), detail: detail))
    }

    private mutating func lookAlike(_ kind: String, _ claims: [DemoExpense], _ detail: String) {
        lookAlikes.append(PlantedProblem(kind: kind, records: claims.map(Self.ref), detail: detail))
    }

    private mutating func lookAlike(_ kind: String, sheet: RecordRef, _ detail: String) {
        lookAlikes.append(PlantedProblem(kind: kind, records: [sheet], detail: detail))
    }

    private static func ref(_ claim: DemoExpense) -> RecordRef { RecordRef(model: "hr.expense", id: claim.id, name: claim.name) }
}
