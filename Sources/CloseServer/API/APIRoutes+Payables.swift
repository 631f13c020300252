import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Hummingbird
import Payables

extension APIRoutes {
    var payables: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/payables/duplicates", operationID: "listDuplicateBills",
                                     summary: "The period's vendor bills that look like a bill already in the store (any ledger), with score, signals and reason.",
                                     access: .reader, parameters: [Self.sourceParameter, Self.periodParameter],
                                     responseSchema: "DuplicateBillReport")) { request, _ in
                let source = try request.sourceKey(in: store)
                guard let period = try request.period() ?? store.latestCheckedPeriod(sourceKey: source) else {
                    throw APIError(.notFound, code: "not_checked", "\(source) has not been checked yet: name the period (?period=YYYY-MM).")
                }
                return JSONBody(try DuplicateBillService(store: store).duplicates(sourceKey: source, period: period,
                                                                                 rules: configuration.ruleSet.payables.duplicates))
            },
        ]
    }
}
