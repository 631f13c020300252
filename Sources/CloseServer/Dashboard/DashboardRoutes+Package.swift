import CloseReports
import CloseStore
import Ledger
import Foundation
import Hummingbird
import Markup

extension DashboardRoutes {
    /// The period's close package: what it holds, and its documents to open or download.
    @Sendable func closePackage(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: store.latestCheckedPeriod(sourceKey:)),
              let period = scope.period else {
            return HTMLPage(title: "Close package", session: session, body: DashboardScope.nothingPulled)
        }
        let documents = try packageDocuments(scope.source, period, request)
        let links = documents.keys.sorted().map { name -> HTML in
            "<li><a href=\"/package/files/\(name)\(scope.query)\">\(name)</a></li>"
        }
        return HTMLPage(title: "Close package", session: session, body: """
            \(scope.heading)
            <p>Built from the store as it stands (nothing is checked or signed off to build it): the trial balance, balance sheet and
            profit and loss with comparatives and flux, the reconciliation summary, findings still open, the checklist with its
            sign-offs, the adjusting entries with their approvers, and an excerpt of the verified audit trail.</p>
            <p><a id="package-open" href="/package/files/close-package.html\(scope.query)">Open the close package</a> (one self-contained HTML file)</p>
            <ul id="package-files">\(links)</ul>
            """)
    }

    /// One document of the package (HTML to read, JSON and CSV to download).
    @Sendable func closePackageFile(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> Response {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: store.latestCheckedPeriod(sourceKey:)),
              let period = scope.period else {
            throw APIError(.notFound, code: "not_checked", "Nothing has been checked in this store yet: run `closer check` first.")
        }
        let name = context.parameters.get("name") ?? ""
        guard let text = try packageDocuments(scope.source, period, request)[name] else {
            throw APIError(.notFound, code: "not_found", "The close package has no file '\(name)'.")
        }
        if name.hasSuffix(".html") {
            var response = Response.bytes(Array(text.utf8), contentType: "text/html; charset=utf-8")
            // The package is self-contained: nothing to load, nothing to run.
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
            return response
        }
        var response = Response.bytes(Array(text.utf8), contentType: name.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return response
    }

    private func packageDocuments(_ source: SourceKey, _ period: Period, _ request: Request) throws -> [String: String] {
        try ClosePackageBuilder(store: store, ruleSet: configuration.ruleSet).build(sourceKey: source, period: period, asOf: try request.asOf()).documents()
    }
}
