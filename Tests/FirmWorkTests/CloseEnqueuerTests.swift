import CloseSettings
import FirmWork
import Foundation
import JobQueue
import Ledger
import PostgresSupport
import Testing

/// `closer enqueue --due`: the tenants' calendars decide which closes are under way, each asked for once, the
/// nearer deadline leased first.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct CloseEnqueuerTests {
    static func tenant(_ id: String, calendar: String?) -> String {
        "  \(id):\n    odoo:\n      url: https://\(id).odoo.example\n      database: \(id)\n      user: u\n      password_env: P\n"
            + (calendar.map { "    calendar: \($0)\n" } ?? "")
    }

    @Test func theCalendarsAskForTheMonthJustEndedOnceAndTheNearerDeadlineRunsFirst() async throws {
        let file = try TenantsFile(path: "/tmp/tenants.yaml", text: "tenants:\n" + Self.tenant("late", calendar: "monthly, 8th working day")
                                   + Self.tenant("early", calendar: "monthly, 3rd working day") + Self.tenant("manual", calendar: nil))
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let enqueuer = CloseEnqueuer(queue: queue)
            let sunday = try await enqueuer.enqueueDue(file.tenants, on: try #require(LocalDate(iso: "2026-11-01")))
            #expect(sunday.isEmpty, "October's close starts on the first working day after it ends")

            let monday = try await enqueuer.enqueueDue(file.tenants, on: try #require(LocalDate(iso: "2026-11-02")))
            #expect(monday.map(\.tenant.id) == ["late", "early"] && monday.allSatisfy(\.enqueued.created))
            #expect(monday.allSatisfy { $0.period == (try? Period(parsing: "2026-10")) && $0.enqueued.job.kind == .pull })
            let deadlines = try ["2026-11-11", "2026-11-04"].map { try #require(LocalDate(iso: $0)) }
            #expect(monday.map(\.deadline) == deadlines, "8 and 3 working days after Friday 30 October")

            let later = try await enqueuer.enqueueDue(file.tenants, on: try #require(LocalDate(iso: "2026-11-20")))
            #expect(later.count == 2 && later.allSatisfy { !$0.enqueued.created }, "asking again the same month makes no new close")
            #expect(try await queue.counts()[.queued] == 2)

            let first = try #require(try await queue.lease(worker: "w", for: .seconds(60), kinds: [.pull]))
            #expect(first.job.tenant == "early", "the nearer deadline is leased first")
        }
    }
}
