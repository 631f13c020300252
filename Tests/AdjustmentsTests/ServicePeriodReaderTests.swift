@testable import Adjustments
import Ledger
import Testing

/// Service periods as real bills write them, in the languages Odoo ships accounting for first; each read to the right
/// months or refused. Bills dated 2026-10-02 unless the case says otherwise; the company's fiscal year is the calendar's.
@Suite struct ServicePeriodReaderTests {
    static let bill = LocalDate(iso: "2026-10-02")!

    static func read(_ label: String, bill: LocalDate = bill, order: DateOrder? = nil, fiscalYearEnd: Int = 12) -> String? {
        ServicePeriodReader.months(in: label, billDate: bill, dateOrder: order, fiscalYearEndMonth: fiscalYearEnd)
            .map { "\($0.lowerBound)..\($0.upperBound)" }
    }

    @Test(arguments: [
        // ISO dates and months.
        ("Annual liability insurance 2026-10 to 2027-09", "2026-10..2027-09"),
        ("Licence 2026-10-01 - 2027-09-30", "2026-10..2027-09"),
        ("Licence 2026-10-01-2027-09-30", "2026-10..2027-09"),
        ("Support 2026/10/01 – 2027/09/30", "2026-10..2027-09"),
        // Day first, proved by a day above 12.
        ("Insurance premium 01/10/2026 - 30/09/2027", "2026-10..2027-09"),
        ("Prime d'assurance du 01/10/2026 au 30/09/2027", "2026-10..2027-09"),
        ("Versicherung 01.10.2026 bis 30.09.2027", "2026-10..2027-09"),
        ("Wartung 1.10.26 - 30.9.27", "2026-10..2027-09"),
        ("Seguro 01-10-2026 a 30-09-2027", "2026-10..2027-09"),
        ("Cover 15/10/2026-14/10/2027", "2026-10..2027-09"),
        // Month first, proved by a day above 12.
        ("Insurance 10/01/2026–09/30/2027", "2026-10..2027-09"),
        ("Subscription 10/15/26 - 10/14/27", "2026-10..2027-09"),
        // Month names in five languages, abbreviated or not, two-digit years.
        ("Maintenance Oct 2026 – Sep 2027", "2026-10..2027-09"),
        ("Support contract October 2026 to March 2027", "2026-10..2027-03"),
        ("Hosting Oct-26 to Sep-27", "2026-10..2027-09"),
        ("SaaS Oct '26 - Sep '27", "2026-10..2027-09"),
        ("Cotisation du 1er octobre 2026 au 30 septembre 2027", "2026-10..2027-09"),
        ("Abonnement janv. 2027 - déc. 2027", "2027-01..2027-12"),
        ("Lizenz 1. Oktober 2026 bis 30. September 2027", "2026-10..2027-09"),
        ("Miete Okt. 2026 - März 2027", "2026-10..2027-03"),
        ("Póliza del 1 de octubre de 2026 al 30 de septiembre de 2027", "2026-10..2027-09"),
        ("Mantenimiento ene 2027 - dic 2027", "2027-01..2027-12"),
        ("Verzekering 1 oktober 2026 t/m 30 september 2027", "2026-10..2027-09"),
        ("Onderhoud van okt 2026 tot mrt 2027", "2026-10..2027-03"),
        ("Support Oct 1, 2026 - Sep 30, 2027", "2026-10..2027-09"),
        // One year for both ends.
        ("Licence Jan–Dec 2027", "2027-01..2027-12"),
        ("Rent November - January 2027", "2026-11..2027-01"),
        // Months as numbers and years.
        ("Lease 10/2026 - 09/2027", "2026-10..2027-09"),
        ("Lease 10/2026-09/2027", "2026-10..2027-09"),
        // Quarters, halves, fiscal years, split years.
        ("Service fee Q4 2026", "2026-10..2026-12"),
        ("Service fee Q1/2027", "2027-01..2027-03"),
        ("Service fee 2027 Q1", "2027-01..2027-03"),
        ("Honoraires T1 2027", "2027-01..2027-03"),
        ("Gebühr 4. Quartal 2026", "2026-10..2026-12"),
        ("Retainer H1 2027", "2027-01..2027-06"),
        ("Audit fee FY2027", "2027-01..2027-12"),
        ("Policy 2026/27", "2026-10..2027-09"),
        ("Subscription 2026/2027", "2026-10..2027-09"),
        // A length from the bill's month, or from the one date given.
        ("Hosting, 6 months", "2026-10..2027-03"),
        ("12-month subscription", "2026-10..2027-09"),
        ("Abonnement 12 mois", "2026-10..2027-09"),
        ("Wartungsvertrag 2 Jahre", "2026-10..2028-09"),
        ("Licencia un año", "2026-10..2027-09"),
        ("Annual subscription", "2026-10..2027-09"),
        ("Jahreslizenz Software", "2026-10..2027-09"),
        ("Quarterly retainer", "2026-10..2026-12"),
        ("12 months from 01/11/2026", "2026-11..2027-10"),
    ])
    func readsTheMonthsCovered(label: String, months: String) {
        #expect(Self.read(label) == months, "\(label)")
    }

    @Test(arguments: [
        "Prepaid trade show booth",
        "Invoice 2026-10",
        "Renewal 2027-09 to 2026-10",
        "INV/2026/0027",
        "Invoice 12/11/2026 due 12/12/2026",
        "Delivery 01/10/2026 - 15/10/2026",
        "Order 4500012345 of 2026-10-01",
        "Consulting October 2026",
        "Marketing materials",
        "Ref 2026.27",
        "Monthly hosting",
        "Goods 13/13/2026 - 14/14/2027",
        "PO 10/2026",
    ])
    func refusesLabelsWithoutAPeriod(label: String) {
        #expect(Self.read(label) == nil, "\(label)")
    }

    @Test func ambiguousDatesFollowTheCompanysFormatThenTheBillsDate() {
        // 01/02/2027 – 01/01/2028: February to December 2027 day first, January to December 2027 month first.
        #expect(Self.read("Cover 01/02/2027 - 01/01/2028", order: .dayFirst) == "2027-02..2027-12")
        #expect(Self.read("Cover 01/02/2027 - 01/01/2028", order: .monthFirst) == "2027-01..2027-12")
        // No format known: the reading that starts nearest the bill.
        #expect(Self.read("Cover 03/01/2027 - 02/01/2028", bill: LocalDate(iso: "2027-01-20")!) == "2027-01..2027-12")
        #expect(Self.read("Cover 03/01/2027 - 02/01/2028", bill: LocalDate(iso: "2027-03-05")!) == "2027-03..2028-01")
        // The label's own numbers outrank the company's format.
        #expect(Self.read("Cover 01/10/2026 - 30/09/2027", order: .monthFirst) == "2026-10..2027-09")
    }

    @Test func fiscalYearsEndInTheCompanysYearEndMonth() {
        #expect(Self.read("Audit fee FY2027", fiscalYearEnd: 9) == "2026-10..2027-09")
        #expect(Self.read("Audit FY 2026/27", fiscalYearEnd: 6) == "2026-07..2027-06")
        #expect(Self.read("Prüfung GJ 26/27", fiscalYearEnd: 3) == "2026-04..2027-03")
        #expect(Self.read("Policy 2026/27", fiscalYearEnd: 3) == "2026-04..2027-03")
    }

    @Test func dateOrdersComeFromOdoosFormats() {
        #expect(DateOrder(strftime: "%d/%m/%Y") == .dayFirst)
        #expect(DateOrder(strftime: "%m/%d/%Y") == .monthFirst)
        #expect(DateOrder(strftime: "%d.%m.%Y") == .dayFirst)
        #expect(DateOrder(strftime: "%Y-%m-%d") == .yearFirst)
        #expect(DateOrder(strftime: "%A") == nil)
    }
}
