import Ledger
import Markup
import CloseWorkflows
import CloseStore
import CloseChecks
import Receivables

/// The close package as ONE self-contained HTML page: inline CSS, inline SVG charts, no scripts, no
/// external resources (it is mailed, archived and opened offline). Built as `HTML`, like the
/// dashboard, so every piece of text from the ledger or the store is escaped by construction.
public enum ClosePackageHTML {
    public static func render(_ package: ClosePackage) -> String {
        let title = "Close package — \(package.company), \(package.period)"
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
            <style>\(style)</style></head><body>
            <h1>\(title)</h1>
            <p class="meta">Source \(package.source) · currency \(package.currency) · as of \(package.asOf) · \
            balances from posted entries pulled since \(package.pulledFrom)</p>
            \(summary(package))\(profitAndLoss(package))\(balanceSheet(package))\(trialBalance(package))\(flux(package))\
            \(reconciliation(package))\(findings(package))\(checklist(package))\(adjustments(package))\(payables(package))\(receivables(package))\(audit(package))
            </body></html>

            """
        return page.markup
    }

    static let style: HTML = """
        body{font-family:sans-serif;font-size:13px;margin:24px;color:#1a202c}h1{font-size:20px}h2{font-size:16px;margin-top:28px;\
        border-bottom:1px solid #cbd5e0}table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 8px;border-bottom:1px solid #e2e8f0;\
        text-align:left;vertical-align:top}th{background:#f7fafc}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
        tfoot td,.group td{font-weight:bold}.meta{color:#4a5568}.ok{color:#276749}.bad{color:#c53030;font-weight:bold}\
        .tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{border:1px solid #cbd5e0;padding:8px 12px;border-radius:4px}
        """

    static let columnTitles = ["This period", "Prior period", "Same period last year"]

    /// "1,234.50": grouped, exact, without the currency (the page states it once); "—" for a comparative not pulled.
    static func amount(_ money: Money?) -> String {
        guard let money else { return "—" }
        return String(money.description.dropLast(money.currency.description.count + 1))
    }

    static func section(_ title: String, _ body: HTML...) -> HTML { "<h2>\(title)</h2>\n\(body)" }

    static func summary(_ package: ClosePackage) -> HTML {
        let pending = package.adjustments.filter { $0.status == .proposed }.count
        let tiles = [
            ("Result this period", amount(package.profitAndLoss.result.current)),
            ("Open findings", package.openFindings.map { String($0.count) } ?? "not checked"),
            ("Bank lines", package.reconciliation.headline),
            ("Adjusting entries waiting", String(pending)),
            ("Checklist", package.checklist?.summary ?? "not started"),
            ("Vendor bills blocked from payment", String(package.payables.blocked.count)),
            ("Days sales outstanding", dsoTile(package)),
            ("Audit trail", package.audit.verification.isIntact ? "intact" : "BROKEN"),
        ]
        return "<div class=\"tiles\">\(tiles.map { tile -> HTML in "<div class=\"tile\">\(tile.0)<br><b>\(tile.1)</b></div>" })</div>\n"
    }

    static func dsoTile(_ package: ClosePackage) -> String {
        guard let days = package.receivables.headline?.dsoDays else { return "—" }
        return "\(days) days"
    }

    /// Current against comparatives, one bar per column the store backs.
    static func comparativeBars(_ amounts: ComparativeAmounts) -> [SVGBarChart.Bar?] {
        amounts.columns.map { money in money.map { SVGBarChart.Bar(value: Double($0.minorUnits), label: amount($0)) } }
    }

    static func statementTable(_ groups: [StatementGroup], extra: [(String, ComparativeAmounts)], total: (String, ComparativeAmounts)?) -> HTML {
        var table = HTMLTable(["Account", "Name"] + columnTitles, numericColumns: [2, 3, 4])
        for group in groups {
            table.heading(group.family.title)
            for row in group.rows { table.add([row.code, row.name] + row.amounts.columns.map(amount)) }
            table.add(["", "Total " + group.family.title.lowercased()] + group.total.columns.map(amount))
        }
        for (name, amounts) in extra { table.add(["", name] + amounts.columns.map(amount)) }
        if let total { table.total(["", total.0] + total.1.columns.map(amount)) }
        return table.html
    }

    static func profitAndLoss(_ package: ClosePackage) -> HTML {
        let statement = package.profitAndLoss
        let chart = SVGBarChart(title: "Profit and loss: this period against the comparatives", series: columnTitles, categories: [
            SVGBarChart.Category(name: "Income", bars: comparativeBars(statement.income.total)),
            SVGBarChart.Category(name: "Expenses", bars: comparativeBars(statement.expenses.total)),
            SVGBarChart.Category(name: "Result", bars: comparativeBars(statement.result)),
        ])
        return section("Profit and loss", chart.svg, statementTable(statement.groups, extra: [], total: ("Result (income − expenses)", statement.result)))
    }

    static func balanceSheet(_ package: ClosePackage) -> HTML {
        let sheet = package.balanceSheet
        let foots = sheet.difference.columns.allSatisfy { $0?.isZero ?? true }
        let verdict: HTML = foots ? "<p class=\"ok\">Assets equal liabilities, equity and results in every column.</p>"
            : "<p class=\"bad\">The balance sheet does not balance: difference \(sheet.difference.columns.map(amount).joined(separator: " / ")).</p>"
        return section("Balance sheet at \(package.period.end)", statementTable(
            sheet.groups, extra: [("Current-year result", sheet.currentYearResult), ("Earlier years' result not yet closed", sheet.earlierYearsResult)],
            total: ("Total liabilities, equity and results", sheet.totalLiabilitiesAndEquity)), verdict)
    }

    static func trialBalance(_ package: ClosePackage) -> HTML {
        let balances = package.trialBalance
        var table = HTMLTable(["Account", "Name", "Opening", "Debit", "Credit", "Closing", "Closing, prior period", "Closing, same period last year"],
                              numericColumns: [2, 3, 4, 5, 6, 7])
        let current = balances.current
        for row in current.rows {
            table.add([row.code, row.name, amount(row.opening), amount(row.debit), amount(row.credit), amount(row.closing)]
                      + balances.comparativeClosings(of: row).map(amount))
        }
        table.total(["", "Total", "", amount(current.totalDebit), amount(current.totalCredit), "", "", ""])
        let difference = amount(current.totalDebit - current.totalCredit)
        let verdict: HTML = current.isBalanced ? "<p class=\"ok\">Debits equal credits.</p>"
            : "<p class=\"bad\">Debits and credits differ by \(difference) (debits − credits): a posted entry does not balance (see the findings).</p>"
        return section("Trial balance, \(package.period)", table.html, verdict)
    }
}
