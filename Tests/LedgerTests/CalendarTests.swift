@testable import Ledger
import Testing

@Suite struct CalendarTests {
    @Test func datesRoundTripAcrossCenturies() {
        for text in ["1970-01-01", "2000-02-29", "2026-10-31", "1899-12-31", "2400-02-29"] {
            #expect(LocalDate(iso: text)?.description == text)
        }
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "20261001") == nil)
    }

    @Test func weekdaysAndArithmetic() {
        let date = LocalDate(iso: "2026-11-22")!  // a Sunday
        #expect(date.isoWeekday == 7 && date.isWeekend)
        #expect(date.adding(days: 1).isoWeekday == 1)
        #expect(LocalDate(iso: "2026-01-31")!.adding(months: 1).description == "2026-02-28")
        #expect(LocalDate(iso: "2026-10-01")!.days(until: LocalDate(iso: "2026-10-31")!) == 30)
    }

    @Test func periodsParseStrictly() throws {
        let period = try Period(parsing: "2026-10")
        #expect(period.start.description == "2026-10-01" && period.end.description == "2026-10-31")
        #expect(period.previous.description == "2026-09")
        #expect(period.advanced(by: -12).description == "2025-10")
        #expect(period.next.next.next.description == "2027-01")
        for bad in ["2026-13", "2026-00", "2026-1", "26-10", "October", "2026-10-01", ""] {
            #expect(throws: PeriodError.invalid(bad)) { try Period(parsing: bad) }
        }
        #expect(String(describing: PeriodError.invalid("2026-13")).contains("YYYY-MM"))
    }

    @Test func odooTimestamps() {
        let stamp = Timestamp(odoo: "2026-11-22 10:11:12")
        #expect(stamp?.description == "2026-11-22 10:11:12")
        #expect(stamp?.date.description == "2026-11-22")
        #expect(Timestamp(odoo: "2026-11-22T10:11:12.123Z")?.description == "2026-11-22 10:11:12")
        #expect(Timestamp(odoo: "2026-11-22") == nil)
    }
}
