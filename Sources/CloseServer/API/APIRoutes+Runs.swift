import Foundation
import Hummingbird
import Ledger
import CloseStore

extension APIRoutes {
    var runs: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/companies", operationID: "listCompanies",
                                     summary: "The pulled ledgers in the store, with the latest period checked.", access: .reader,
                                     responseSchema: "CompanyList")) { _, _ in
                let companies = try store.sourceKeys().map { key in
                    CompanySummary(source: key, name: try store.company(sourceKey: key).name,
                                   latestCheckedPeriod: try store.latestCheckedPeriod(sourceKey: key)?.description)
                }
                return JSONBody(["companies": companies])
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/runs", operationID: "listRuns",
                                     summary: "Runs (pull, check, reconcile, propose, …), latest first.", access: .reader,
                                     parameters: [
                                        .init(name: "kind", place: .query, description: "Only runs of this kind."),
                                        .init(name: "limit", place: .query, type: "integer", description: "At most this many (default 100).",
                                              minimum: 1, maximum: 1000),
                                     ], responseSchema: "RunList")) { request, _ in
                JSONBody(["runs": try store.runs(kind: request.query("kind"), limit: try request.integer("limit", default: 100, in: 1...1000))])
            },
        ]
    }
}

/// A pulled ledger as the companies list shows it.
struct CompanySummary: Codable, Sendable {
    var source: SourceKey
    var name: String
    var latestCheckedPeriod: String?
}
