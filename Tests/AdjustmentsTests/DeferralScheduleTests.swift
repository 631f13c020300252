@testable import Adjustments
import Ledger
import Testing

@Suite struct DeferralScheduleTests {
    let bill = LocalDate(iso: "2026-10-02")!
    func month(_ text: String) -> Period { try! Period(parsing: text) }

    @Test(arguments: [
        ("Annual liability insurance 2026-10 to 2027-09", "2026-10", "2027-09"),
        ("Licence 2026-10-01 - 2027-09-30", "2026-10", "2027-09"),
        ("Maintenance Oct 2026 – Sep 2027", "2026-10", "2027-09"),
        ("Support contract October 2026 to March 2027", "2026-10", "2027-03"),
        ("Hosting, 6 months", "2026-10", "2027-03"),
    ])
    func readsTheServicePeriodFromTheLabel(label: String, first: String, last: String) throws {
        let months = try #require(ServicePeriodReader.months(in: label, billDate: bill))
        #expect(months.lowerBound == month(first))
        #expect(months.upperBound == month(last))
    }

    @Test func labelsWithoutAPeriodAreNotSchedules() {
        #expect(ServicePeriodReader.months(in: "Prepaid trade show booth", billDate: bill) == nil)
        #expect(ServicePeriodReader.months(in: "Invoice 2026-10", billDate: bill) == nil)
        #expect(ServicePeriodReader.months(in: "Renewal 2027-09 to 2026-10", billDate: bill) == nil)
    }

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
