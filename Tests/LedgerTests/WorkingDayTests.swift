import Ledger
import Testing

@Suite struct WorkingDayTests {
    @Test func closeDaysSkipWeekendsAcrossMonthEnd() throws {
        // October 2026 ends on a Saturday: day 0 is Friday the 30th, day 1 Monday 2 November.
        let end = try #require(LocalDate(iso: "2026-10-31"))
        #expect(end.isWeekend)
        #expect(LocalDate.closeDay(0, after: end).description == "2026-10-30")
        #expect(LocalDate.closeDay(1, after: end).description == "2026-11-02")
        #expect(LocalDate.closeDay(5, after: end).description == "2026-11-06")
        #expect(LocalDate.closeDay(6, after: end).description == "2026-11-09")
        #expect(LocalDate.closeDay(-1, after: end).description == "2026-10-29")
        // September 2026 ends on a Wednesday: day 0 is that day.
        let september = try #require(LocalDate(iso: "2026-09-30"))
        #expect(LocalDate.closeDay(0, after: september) == september)
        #expect(LocalDate.closeDay(3, after: september).description == "2026-10-05")
    }
}
