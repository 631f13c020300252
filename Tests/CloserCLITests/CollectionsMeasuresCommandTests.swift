import Foundation
import PostgresSupport
import Testing

/// `closer measures` on the demo: every month's DSO, ADD and CEI with the month asked about first, and a month
/// outside the pulled invoices refused with the range to ask within.
@Suite struct CollectionsMeasuresCommandTests {
    @Test func theDemosMonthsAreMeasuredAndAMonthOutsideThemIsRefused() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)
        #expect(try await CloserBinary.run(["demo", "--store", store, "--json"], in: directory).status == 0)

        let text = try await CloserBinary.run(["collections", "measures", "--period", "2026-09", "--store", store], in: directory)
        #expect(text.status == 0 && text.stdout.contains("Receivables of the company, 2026-09") && text.stdout.contains("DSO "), "\(text.all)")
        let json = try await CloserBinary.run(["collections", "measures", "--period", "2026-09", "--json", "--store", store], in: directory)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let months = try #require(report["months"] as? [[String: Any]])
        let september = try #require(months.first { $0["period"] as? String == "2026-09" })
        #expect(september["dsoDays"] is NSNumber && september["collectionEffectivenessPercent"] is NSNumber, "\(september)")
        let customers = try #require(report["customers"] as? [[String: Any]])
        #expect(!customers.isEmpty)

        let outside = try await CloserBinary.run(["collections", "measures", "--period", "1999-01", "--store", store], in: directory)
        #expect(outside.status != 0 && outside.stderr.contains("is outside them. Ask for a month in that range"), "\(outside.all)")
    }
}
