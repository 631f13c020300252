import CloseReports
import Foundation
import Hummingbird
import CloseStore

extension APIRoutes {
    var package: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/package", operationID: "getClosePackage",
                                     summary: "The period's close package, built from the store: the self-contained HTML (default), the JSON, or one CSV file.",
                                     access: .reader,
                                     parameters: [Self.sourceParameter, Self.periodParameter, Self.asOfParameter,
                                                  .init(name: "file", place: .query,
                                                        description: "close-package.html (default), close-package.json, or one of its CSV files (an unknown name is answered with the list).")],
                                     responseContentType: "text/html")) { request, _ in
                try closePackage(request)
            },
        ]
    }

    private func closePackage(_ request: Request) throws -> Response {
        let source = try request.sourceKey(in: store)
        guard let period = try request.period() ?? store.latestCheckedPeriod(sourceKey: source) else {
            throw APIError(.notFound, code: "not_checked", "\(source) has not been checked yet: name the period (?period=YYYY-MM).")
        }
        let documents = try ClosePackageBuilder(store: store, ruleSet: configuration.ruleSet)
            .build(sourceKey: source, period: period, asOf: try request.asOf()).documents()
        let name = request.query("file") ?? "close-package.html"
        guard let text = documents[name] else {
            throw APIError.badParameter("file", "is not one of the package's files (\(documents.keys.sorted().joined(separator: ", ")))")
        }
        let type = name.hasSuffix(".html") ? "text/html; charset=utf-8" : name.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "application/json; charset=utf-8"
        var response = Response.bytes(Array(text.utf8), contentType: type)
        if !name.hasSuffix(".html") { response.headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return response
    }
}
