import CloseStore
import Foundation
import Governance
import Ledger
import OdooRPC
import Testing

/// The operations view on every surface: the API's board, the dashboard page (escaped) and the Prometheus figures —
/// business exceptions by area, kind and age, incidents apart, payment latency and the automation success rate.
@Suite struct OperationsAPITests {
    static func seed(_ store: AppDatabase, source: SourceKey) throws {
        try SeededBills.seed(store, source: source)
        _ = try SeededCreditHolds.seed(store, source: source, proposer: ServedDemo.preparer)
        try store.recordExceptionSweep([ExceptionSighting(sourceKey: source, family: .expenses, fingerprint: "f1", kind: "missing-receipt",
                                                          subject: "expense report <Trip> of Eve", reason: "no receipt above 25",
                                                          record: RecordRef(model: "hr.expense.sheet", id: 1, name: "<Trip>"), owner: "erin")],
                                       family: .expenses, sourceKey: source, covering: nil, actor: "closer")
        let run = try #require(try store.startScheduledRun(schedule: "nightly", sourceKey: source, period: "2026-10", slot: Date()))
        _ = try store.finishScheduledRun(id: run.id, status: .failed, summary: OdooError.network("connection refused").description)
    }

    @Test func theBoardListsEveryAreasExceptionsAndTheIncidentsApart() async throws {
        try await ServedDemo.serving { demo, server in
            try Self.seed(demo.store, source: demo.source)
            #expect(try await server.send("GET", "/api/v1/operations").status == 401)
            let board = try await server.send("GET", "/api/v1/operations", token: demo.tokens["vera"]).json()
            let exceptions = try #require(board["exceptions"] as? [[String: Any]])
            let kinds = exceptions.map { "\($0["family"] ?? "") \($0["kind"] ?? "")" }
            #expect(kinds.first == "payables bill-blocked", "the ten-day-old held bill is the most overdue")
            #expect(Set(kinds) == ["payables bill-blocked", "payables bill-warned", "receivables credit-hold-proposed", "expenses missing-receipt"])
            #expect(kinds.filter { $0 == "payables bill-blocked" }.count == 2 && kinds.filter { $0.hasSuffix("credit-hold-proposed") }.count == 2)
            let duplicate = try #require(exceptions.first { ($0["record"] as? [String: Any])?["id"] as? Int == SeededBills.duplicate })
            #expect(duplicate["owner"] as? String == "anna" && duplicate["ageDays"] as? Int == 10 && duplicate["overdue"] as? Bool == true)
            let incidents = try #require(board["incidents"] as? [[String: Any]])
            #expect(incidents.map { $0["kind"] as? String } == ["odoo-unreachable"] && board["overdue"] as? Int == 1)
        }
    }

    @Test func theDashboardPageAndTheMetricsShowTheSameBoard() async throws {
        try await ServedDemo.serving { demo, server in
            try Self.seed(demo.store, source: demo.source)
            let text = try await server.send("GET", "/metrics", token: demo.tokens["vera"]).text
            #expect(text.contains(#"closer_operations_exceptions{family="payables",kind="bill-blocked",max_days="30"} 1"#))
            #expect(text.contains(#"closer_operations_exceptions{family="receivables",kind="credit-hold-proposed",max_days="0"} 2"#))
            #expect(text.contains(#"closer_operations_exceptions_overdue{family="payables",kind="bill-blocked"} 1"#))
            #expect(text.contains(#"closer_incidents_open{kind="odoo-unreachable"} 1"#) && text.contains(#"closer_incidents_open{kind="run-failed"} 0"#))
            #expect(text.contains(#"closer_automation_success_ratio{kind="scheduled-runs"} 0"#))
            #expect(text.contains(#"closer_automation_success_ratio{kind="runs"} 1"#))
            #expect(text.contains("closer_payment_processing_seconds_count 0"))
        }
        try await DashboardFixture.run { fixture in
            try Self.seed(fixture.store, source: fixture.source)
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let page = try await client.get("/operations")
            #expect(page.status == 200 && page.body.contains(#"<table id="exceptions">"#) && page.body.contains("missing-receipt"))
            #expect(page.body.contains("expense report &lt;Trip&gt; of Eve") && !page.body.contains("<Trip>"))
            #expect(page.body.contains(#"<table id="incidents">"#) && page.body.contains("odoo-unreachable"))
        }
    }
}
