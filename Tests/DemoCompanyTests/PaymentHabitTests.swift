import DemoCompany
import Ledger
import Receivables
import Testing

/// The planted payment habits show in the books as the ground truth says: read back from the ledger
/// (the receivable lines' matching numbers, as collections reads any company), each planted customer
/// pays as its habit says.
@Suite struct PaymentHabitTests {
    static let invoices = Dictionary(grouping: ReceivablesBook(DemoFixture.snapshot).invoices, by: \.customerID)

    static func daysLate(_ habit: PlantedPaymentHabit.Habit) -> [[Int]] {
        DemoFixture.truth.paymentHabits.filter { $0.habit == habit }.map { planted in (invoices[planted.customerID] ?? []).compactMap(\.daysLate) }
    }

    static func share(_ days: [Int], _ isIn: (Int) -> Bool) -> Double { Double(days.filter(isIn).count) / Double(max(1, days.count)) }

    @Test func everyHabitIsPlantedOnCustomersWithAHistory() {
        let habits = DemoFixture.truth.paymentHabits
        #expect(Set(habits.map(\.habit)) == Set(PlantedPaymentHabit.Habit.allCases))
        #expect(habits.count == 10 && Set(habits.map(\.customerID)).count == habits.count)
        #expect(habits.allSatisfy { (Self.invoices[$0.customerID] ?? []).filter { $0.paidOn != nil }.count >= 30 })
        #expect(!habits.contains { $0.customerName.contains("GmbH") }, "the EUR customer keeps paying as before")
    }

    @Test func onTimeAndHabituallyLatePayersPayAsPlanted() {
        // A deposit settling several invoices (about 8 % of them) keeps the day chance gave it.
        for days in Self.daysLate(.onTime) { #expect(Self.share(days) { $0 <= 5 } >= 0.9, "\(days)") }
        for days in Self.daysLate(.habituallyLate) {
            #expect(Self.share(days) { (20...42).contains($0) } >= 0.85 && Self.share(days) { $0 <= 5 } <= 0.1, "\(days)")
        }
        for days in Self.daysLate(.mixed) {
            #expect(Self.share(days) { $0 <= 5 } >= 0.3 && Self.share(days) { $0 >= 45 } >= 0.2, "\(days)")
        }
    }

    @Test func deterioratingPayersSlipInTheLastMonths() {
        let closeStart = DemoFixture.truth.period.start
        for planted in DemoFixture.truth.paymentHabits where planted.habit == .deteriorating {
            let paid = (Self.invoices[planted.customerID] ?? []).filter { $0.paidOn != nil }
            let early = paid.filter { $0.dueDate < closeStart.adding(months: -6) }.compactMap(\.daysLate)
            let late = paid.filter { $0.dueDate >= closeStart.adding(months: -3) }.compactMap(\.daysLate)
            #expect(Self.share(early) { $0 <= 5 } >= 0.9 && !late.isEmpty && Self.share(late) { $0 > 10 } >= 0.8, "\(early) then \(late)")
        }
    }
}
