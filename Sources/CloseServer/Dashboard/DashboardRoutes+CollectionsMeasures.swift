import CloseReports
import CloseStore
import CloseWorkflows
import Hummingbird
import Ledger
import Markup
import Receivables

extension DashboardRoutes {
    /// DSO and average days delinquent over the months as lines, the aging as bars, then the months and the
    /// customers as tables (a customer's name narrows the page to them); read-only, from the pulled ledger.
    @Sendable func collectionsMeasures(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        let source = try request.sourceKey(in: store)
        let report = try ReceivablesMeasuresService.report(store: store, sourceKey: source, asOf: try request.date("asOf"), period: try request.period(),
                                                           customerID: try request.customerID())
        let whose = report.customerID.map { id in report.customers.first?.customerName ?? "customer \(id)" } ?? "the company"
        let title = "Receivables measures"
        guard let headline = report.headline else {
            return HTMLPage(title: title, session: session, body: "<p>No posted customer invoice in \(source) up to \(report.asOf): nothing to measure yet.</p>")
        }
        let figures = ReceivablesMeasuresHTML.figures(headline)
        let tiles = [("Owed", headline.closingReceivables.description), ("DSO", "\(figures[0]) days"), ("Average days delinquent", "\(figures[1]) days"),
                     ("CEI", "\(figures[2]) %"), ("More than 90 days past due", headline.aging.over90.description)]
        return HTMLPage(title: title, session: session, body: """
            <p>Measures of \(whose), \(report.period) to \(headline.asOf) (<code>closer collections measures</code>). DSO = closing receivables \
            ÷ the month's credit sales × its days; average days delinquent = days past due weighted by the amount owed; CEI = what was collected \
            ÷ what could have been.</p>
            \(filterForm(report, source: source))
            <div class="columns">\(tiles.map { tile -> HTML in "<div class=\"card\">\(tile.0)<br><strong>\(tile.1)</strong></div>" })</div>
            <div class="card" id="measures-trend">\(ReceivablesMeasuresHTML.trend(report.months, whose: whose))</div>
            <div class="card" id="measures-aging">\(ReceivablesMeasuresHTML.aging(headline))</div>
            <h2>By month</h2>\(ReceivablesMeasuresHTML.months(report.months))
            \(customerTable(report, source: source))
            """)
    }

    private func customerTable(_ report: ReceivablesMeasuresReport, source: SourceKey) -> HTML {
        guard report.customerID == nil else {
            return "<p><a href=\"/collections/measures\(HTML.query([("source", source.text), ("period", report.period.description)]))\">All customers</a></p>"
        }
        let rows = report.customers.map { customer -> HTML in
            let link = HTML.query([("source", source.text), ("period", report.period.description), ("customer", String(customer.customerID))])
            let figures = ReceivablesMeasuresHTML.figures(customer.measure)
            return """
                <tr id="customer-\(customer.customerID)"><td><a href="/collections/measures\(link)">\(customer.customerName)</a></td>
                <td class="num">\(customer.measure.closingReceivables)</td><td class="num">\(customer.measure.closingCurrent)</td>
                <td class="num">\(figures[0])</td><td class="num">\(figures[1])</td><td class="num">\(figures[2])</td>
                <td class="num">\(customer.measure.aging.over90)</td></tr>
                """
        }
        return """
            <h2>Customers in \(report.period), the most owed first (\(report.customers.count))</h2>
            <table id="measures-customers"><tr><th>Customer</th><th>Owed</th><th>Not yet due</th><th>DSO (d)</th><th>ADD (d)</th><th>CEI (%)</th>
            <th>90+ days</th></tr>\(rows)</table>
            """
    }

    private func filterForm(_ report: ReceivablesMeasuresReport, source: SourceKey) -> HTML {
        let customer: HTML = report.customerID.map { id -> HTML in #"<input type="hidden" name="customer" value="\#(id)">"# } ?? ""
        return """
            <form method="get" action="/collections/measures"><input type="hidden" name="source" value="\(source.text)">\(customer)
            <label>Month <input type="text" name="period" value="\(report.period.description)" placeholder="YYYY-MM"></label>
            <button type="submit">Show</button></form>
            """
    }
}
