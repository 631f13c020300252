@testable import Adjustments
import Ledger
import Testing

@Suite struct DeferralScheduleTests {
    let bill = LocalDate(iso: "2026-10-02")!
    func month(_ text: String) -> Period { try! Period(parsing: text) }

    @Test func theLastMonthTakesTheRemainderAndTheSharesAddUp() {
        let usd = Currency(id: 1, code: .usd)
        let schedule = DeferralSchedule(sourceLineID: 1, sourceMoveID: 1, partnerID: nil, label: "Licence", deferralAccountID: 8,
                                        releaseAccountID: 23, total: usd.money(100_000), firstMonth: month("2026-10"), months: 3)
        #expect(schedule.release(in: month("2026-10")) == usd.money(33_333))
        #expect(schedule.release(in: month("2026-12")) == usd.money(33_334))
        #expect(schedule.release(in: month("2027-01")) == usd.money(0))
        #expect(schedule.released(through: month("2026-11")) == usd.money(66_666))
        #expect(schedule.remaining(after: month("2026-11")) == usd.money(33_334))
        #expect(schedule.remaining(after: month("2026-12")) == usd.money(0))
        let months = (0..<3).map { month("2026-10").advanced(by: $0) }
        #expect(months.map(schedule.release(in:)).reduce(usd.money(0), +) == schedule.total)
    }
}
