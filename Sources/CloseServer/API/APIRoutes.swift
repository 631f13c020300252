import CloseStore
import Foundation
import Hummingbird

/// The JSON API: every endpoint with its handler. Each area (findings, proposals, …) adds its routes
/// in its own extension; `all` is what the router registers and the OpenAPI document describes.
struct APIRoutes: Sendable {
    var store: AppDatabase
    var configuration: ServerConfiguration
    var metrics: ServerMetrics
    /// nil when no closer-automation.yaml is configured: no webhooks in or out, no schedules.
    var automation: ServerAutomation?

    var all: [Route] {
        let areas: [[Route]] = [
            probes, runs, findings, dismissals, proposals, reconciliation, checklist, locks, audit, package, payables, creditHolds, collections, collectorRecords,
            collectionsMeasures, operations, payments, bankChanges, expenses, duties, automationRoutes,
        ]
        return areas.flatMap { $0 }
    }

    static let sourceParameter = Endpoint.Parameter(name: "source", place: .query,
                                                    description: "Which pulled ledger (default: the only one in the store).")
    static let periodParameter = Endpoint.Parameter(name: "period", place: .query, description: "The period, YYYY-MM.", pattern: periodPattern)
    /// Years 1900–9999 as `Period` takes them; an empty value means "not given", as for every query parameter.
    static let periodPattern = "^((19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2]))?$"
    static let idParameter = Endpoint.Parameter(name: "id", place: .path, type: "integer", required: true, description: "The record's id.",
                                                format: "int64")
    static let asOfParameter = Endpoint.Parameter(name: "asOf", place: .query, description: "The day the close is judged on, YYYY-MM-DD (default: today, UTC).",
                                                   format: "date")
}
