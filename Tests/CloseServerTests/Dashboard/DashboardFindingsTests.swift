import CloseChecks
import CloseStore
import Foundation
import Ledger
import Testing

/// The findings page leads with the first screen (every blocking finding, then the warnings risky or material enough) and
/// folds the rest under a count by kind.
@Suite struct DashboardFindingsTests {
    @Test func theFirstScreenLeadsAndTheRestIsFolded() async throws {
        try await DashboardFixture.run { fixture in
            let stored = try #require(try fixture.store.latestFindings(sourceKey: fixture.source, period: fixture.period))
            let screen = stored.filter { $0.ranking?.onFirstScreen == true }
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let page = try await client.get("/findings")
            #expect(page.status == 200)
            #expect(page.body.contains("the first screen holds \(screen.count): what blocks the close, then what matters most"), "\(page.body.prefix(2_000))")
            let first = try #require(page.body.range(of: #"<table id="findings">"#)), folded = try #require(page.body.range(of: #"<details id="folded">"#))
            #expect(first.lowerBound < folded.lowerBound)
            #expect(page.body.contains("\(stored.count - screen.count) more, by kind: "))
            // Every blocking finding is on the first screen, before the fold.
            #expect(stored.filter { $0.severity == .blocking }.allSatisfy { $0.ranking?.onFirstScreen == true })
            let firstTable = page.body[first.lowerBound..<folded.lowerBound]
            #expect(firstTable.components(separatedBy: "<tr><td>").count - 1 == screen.count)
        }
    }

    @Test func aControllerDismissesAFindingFromThePageAndWithdrawsIt() async throws {
        try await DashboardFixture.run { fixture in
            try fixture.store.setPassword(DashboardFixture.password, login: "carl", actor: DashboardFixture.admin)
            let stored = try #require(try fixture.store.latestFindings(sourceKey: fixture.source, period: fixture.period))
            let target = try #require(stored.first { $0.severity == .warning && $0.records.count == 1 })
            let viewer = DashboardClient(server: fixture.server)
            try await viewer.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            #expect(try await !viewer.get("/findings").body.contains("/findings/dismissals"), "a viewer sees no Dismiss form")

            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: "carl", password: DashboardFixture.password)
            let page = try await client.get("/findings")
            #expect(page.body.contains(#"<form method="post" action="/findings/dismissals?source="#) && page.body.contains("<summary>Dismiss</summary>"))
            let form = ["fingerprint": target.fingerprint, "scope": "record", "reason": "confirmed <with> the vendor",
                        "until": LocalDate.todayUTC().adding(days: 30).description]
            #expect(try await client.post("/findings/dismissals", form: form).status == 403, "no CSRF token, nothing done")
            var signed = form
            signed["csrf"] = try DashboardClient.csrfToken(in: page.body)
            let dismissed = try await client.post("/findings/dismissals", form: signed)
            #expect(dismissed.status == 200 && dismissed.body.contains("Dismissal #1: \(target.checkID), this record, by carl"), "\(dismissed.body.prefix(3_000))")
            #expect(dismissed.body.contains(#"id="dismissal-1""#) && dismissed.body.contains("confirmed &lt;with&gt; the vendor"))
            #expect(try fixture.store.findingDismissals(sourceKey: fixture.source).map(\.checkID) == [target.checkID])

            let noReason = try await client.post("/findings/dismissals", form: signed.merging(["reason": " "]) { $1 })
            #expect(noReason.status == 422 && noReason.body.contains("needs a reason"), "\(noReason.status)")
            let withdrawn = try await client.post("/findings/dismissals/1/withdraw", form: ["csrf": signed["csrf"]!])
            #expect(withdrawn.status == 200 && withdrawn.body.contains("Dismissal #1 withdrawn") && !withdrawn.body.contains(#"id="dismissal-1""#))
            #expect(try fixture.store.findingDismissals(sourceKey: fixture.source).isEmpty)
        }
    }
}
