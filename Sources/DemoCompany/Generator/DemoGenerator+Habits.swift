import Ledger

extension DemoGenerator {
    /// The habits planted, in the order the shuffled customers receive them: 40 % of the customers get one.
    static let habitMix: [PlantedPaymentHabit.Habit] = [
        .onTime, .habituallyLate, .onTime, .habituallyLate, .mixed, .deteriorating, .onTime, .habituallyLate, .mixed, .deteriorating,
    ]

    /// Picks the customers with a payment habit. Habits draw from their own random stream, so the rest of
    /// the seeded company draws exactly what it drew before they were planted.
    mutating func plantPaymentHabits() {
        var shuffled = customers
        habitRandom.shuffle(&shuffled)
        for (index, customer) in shuffled.prefix(customers.count * 2 / 5).enumerated() {
            habits[customer] = Self.habitMix[index % Self.habitMix.count]
        }
    }

    /// Moves each payment of one invoice from a customer with a habit to the habit's day, keeping the day chance
    /// gave it. A payment moved past the period has not happened yet: its invoice stays open. Deposits settling
    /// several invoices keep their day: moved, they pay invoices older than the 14 newest open ones the bank
    /// matcher's 1:N search tries (`subset_max_items`), a limit of the matcher the README states.
    mutating func retimeHabitualPayments() {
        for index in payments.indices where payments[index].kind == .customer && payments[index].amount > 0 && payments[index].openItems.count == 1 {
            guard let customer = payments[index].partnerID, let habit = habits[customer],
                  let due = payments[index].openItems.compactMap({ builder.moves[builder.moveOf(line: $0)].dueDate }).max() else { continue }
            payments[index].drawnDate = payments[index].date
            payments[index].date = habitualPayDate(habit, dueDate: due)
        }
    }

    /// The day a customer with `habit` pays an invoice due on `dueDate`.
    mutating func habitualPayDate(_ habit: PlantedPaymentHabit.Habit, dueDate: LocalDate) -> LocalDate {
        // Kept to 3 days late at most when on time: moving to the next weekday adds up to 2, within the 5 grace days.
        let late = switch habit {
        case .onTime: habitRandom.int(-10...3)
        case .habituallyLate: habitRandom.int(20...40)
        case .mixed: habitRandom.chance(50) ? habitRandom.int(-5...3) : habitRandom.int(45...75)
        case .deteriorating: deterioratingDelay(dueDate: dueDate)
        }
        return nextWeekday(from: dueDate.adding(days: late))
    }

    /// On time until the invoice falls due in the last five months before the close period, then about nine days later each month.
    private mutating func deterioratingDelay(dueDate: LocalDate) -> Int {
        let due = Period(containing: dueDate)
        let monthsBeforeClose = (period.year - due.year) * 12 + period.month - due.month
        guard monthsBeforeClose < 5 else { return habitRandom.int(-5...3) }
        return 9 * (5 - monthsBeforeClose) + habitRandom.int(-3...3)
    }

    /// The planted habits for the ground truth, by customer id.
    var plantedHabits: [PlantedPaymentHabit] {
        habits.keys.sorted().map { PlantedPaymentHabit(customerID: $0, customerName: partners[$0 - 1].name, habit: habits[$0]!) }
    }
}
