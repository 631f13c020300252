import CloseChecks
import CloseStore
import Foundation
import Hummingbird
import Ledger

extension APIRoutes {
    var findings: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/findings", operationID: "listFindings",
                                     summary: "The findings of a period's latest check run, filtered and paged.", access: .reader,
                                     parameters: [
                                        Self.sourceParameter,
                                        .init(name: "period", place: .query, description: "The period, YYYY-MM (default: the latest period checked).",
                                              pattern: Self.periodPattern),
                                        .init(name: "severity", place: .query, description: "blocking, warning or advisory.",
                                              pattern: "^(blocking|warning|advisory)?$"),
                                        .init(name: "check", place: .query, description: "Only this check's findings (its id)."),
                                        .init(name: "limit", place: .query, type: "integer", description: "Page size (default 100).",
                                              minimum: 1, maximum: 1000),
                                        .init(name: "offset", place: .query, type: "integer", description: "Findings to skip (default 0).",
                                              minimum: 0, maximum: Int(Int32.max)),
                                     ], responseSchema: "FindingPage")) { request, _ in
                try findingsPage(request)
            },
        ]
    }

    /// Served from the JSON the store keeps for each finding, spliced into the page without decoding:
    /// this is the endpoint dashboards poll most.
    private func findingsPage(_ request: Request) throws -> Response {
        let source = try request.sourceKey(in: store)
        let period = try request.period()
        var severity: Severity?
        if let text = request.query("severity") {
            guard let parsed = Severity(rawValue: text) else { throw APIError.badParameter("severity", "must be blocking, warning or advisory") }
            severity = parsed
        }
        let filter = FindingsFilter(severity: severity, checkID: request.query("check"),
                                    limit: try request.integer("limit", default: 100, in: 1...1000),
                                    offset: try request.integer("offset", default: 0, in: 0...Int(Int32.max)))
        guard let page = try store.latestFindingsPage(sourceKey: source, period: period, filter: filter) else {
            throw APIError(.notFound, code: "not_checked",
                           "\(period.map { "\($0) of " } ?? "")\(source) has not been checked: run `closer check --period \(period?.description ?? "YYYY-MM")` first.")
        }
        // Written straight into the response buffer: a page is tens of kilobytes, polled often.
        var buffer = ByteBuffer()
        buffer.reserveCapacity(page.findingsJSON.reduce(256) { $0 + $1.utf8.count + 1 })
        buffer.writeString(#"{"findings":["#)
        for (index, finding) in page.findingsJSON.enumerated() {
            if index > 0 { buffer.writeString(",") }
            buffer.writeString(finding)
        }
        buffer.writeString(#"],"limit":\#(filter.limit),"offset":\#(filter.offset),"period":"\#(page.period)","runId":\#(page.runID),"#)
        buffer.writeString(#""source":\#(Self.jsonString(source.text)),"total":\#(page.total)}"#)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: buffer))
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
