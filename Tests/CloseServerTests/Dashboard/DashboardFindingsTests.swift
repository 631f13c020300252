import CloseChecks
import CloseStore
import Foundation
import Testing

/// The findings page leads with the first screen (every blocking finding, then the most material and risky) and
/// folds the rest under a count by kind.
@Suite struct DashboardFindingsTests {
    @Test func theFirstScreenLeadsAndTheRestIsFolded() async throws {
        try await DashboardFixture.run { fixture in
            let stored = try #require(try fixture.store.latestFindings(sourceKey: fixture.source, period: fixture.period))
            let screen = stored.filter { $0.ranking?.onFirstScreen == true }
            let client = DashboardClient(baseURL: fixture.baseURL)
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
}
