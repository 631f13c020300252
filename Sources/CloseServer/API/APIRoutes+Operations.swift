import CloseWorkflows
import Hummingbird

extension APIRoutes {
    var operations: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/operations", operationID: "operationsBoard",
                                     summary: "Every open business exception of payables, receivables, treasury, expenses and duties with its owner, age and SLA, most overdue first; and apart, the technical incidents (Odoo unreachable, webhook dead letters, failed runs) that are the administrator's.",
                                     access: .reader, responseSchema: "OperationsBoard")) { _, _ in
                JSONBody(try OperationsBoard(store: store, rules: configuration.ruleSet))
            },
        ]
    }
}
