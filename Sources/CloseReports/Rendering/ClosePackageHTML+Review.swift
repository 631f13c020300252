import CloseStore
import Markup
import Ledger
import CloseWorkflows
import CloseChecks
import Adjustments
import Payables

/// The review sections of the page: flux, bank reconciliation, findings, checklist, adjusting entries, accounts payable, audit.
extension ClosePackageHTML {
    /// How many of the largest movers the flux chart draws (the table lists them all).
    static let topMovers = 10

    static func flux(_ package: ClosePackage) -> HTML {
        let report = package.flux
        let movers = report.variances.filter { $0.comparison == .priorPeriod }.prefix(topMovers)
        let thresholds: HTML = """
            <p class="meta">Accounts whose movement changed by at least \(report.thresholds.absolute) \(report.currency) and \
            \(report.thresholds.relativePercent) %; amounts in each account's natural direction; comparisons whose base reaches before the pulled \
            history are left out.</p>

            """
        let chart: HTML = movers.isEmpty ? "" : SVGBarChart(title: "Top movers against the prior period (change)", series: ["Change"], categories: movers.map {
            SVGBarChart.Category(name: "\($0.code) \($0.name)", bars: [SVGBarChart.Bar(value: Double($0.delta.minorUnits), label: amount($0.delta))])
        }).svg
        var table = HTMLTable(["Against", "Account", "Name", "This period", "Base", "Change", "Explanation"], numericColumns: [3, 4, 5])
        for variance in report.variances {
            table.add([variance.baseLabel, variance.code, variance.name, amount(variance.current), amount(variance.base), amount(variance.delta),
                       variance.narrative])
        }
        return section("Flux analysis (\(report.variances.count) variances)", thresholds, chart, table.html)
    }

    static func reconciliation(_ package: ClosePackage) -> HTML {
        let summary = package.reconciliation
        var table = HTMLTable(["Status", "Statement lines", "Net amount"], numericColumns: [1, 2])
        for bucket in summary.buckets {
            table.add([bucket.status.title, String(bucket.lines), bucket.amounts.map(\.description).joined(separator: "; ")])
        }
        table.total(["All statement lines of the period", String(summary.statementLines), ""])
        return section("Bank reconciliation", table.html)
    }

    static func findings(_ package: ClosePackage) -> HTML {
        guard let findings = package.openFindings else {
            return section("Open findings", "<p class=\"bad\">The period was never checked: run `closer check --period \(package.period)`.</p>\n")
        }
        let chart = SVGBarChart(title: "Open findings by severity", series: ["Findings"], categories: package.findingsBySeverity.map {
            SVGBarChart.Category(name: $0.severity.rawValue, bars: [SVGBarChart.Bar(value: Double($0.count), label: String($0.count))])
        })
        var table = HTMLTable(["Severity", "Check", "Records", "Message"])
        for finding in findings {
            table.add([finding.severity.rawValue, finding.checkID, finding.records.map(\.name).joined(separator: ", "), finding.message])
        }
        return section("Open findings (\(findings.count), latest check run)", chart.svg, table.html)
    }

    static func checklist(_ package: ClosePackage) -> HTML {
        guard let board = package.checklist else {
            return section("Close checklist", "<p class=\"bad\">No checklist was started for \(package.period): run `closer checklist --period \(package.period)`.</p>\n")
        }
        var table = HTMLTable(["Task", "Owner", "Due", "Status", "Signed off by", "At", "Comment or evidence", "Waiting on"])
        for row in board.rows {
            let task = row.task
            table.add([task.title, task.owner, task.dueDate.description, row.status.rawValue, task.completedBy ?? "", task.completedAt ?? "",
                       task.comment ?? task.evidence?.summary ?? "", (row.blockedBy.map { "blocked by \($0)" } + row.waitingOn).joined(separator: "; ")])
        }
        return section("Close checklist: \(board.summary)", table.html)
    }

    static func adjustments(_ package: ClosePackage) -> HTML {
        var table = HTMLTable(["Id", "Kind", "Entry", "Date", "Amount", "Status", "Prepared by", "Approved by", "Decided"], numericColumns: [0, 4])
        for adjustment in package.adjustments {
            table.add([String(adjustment.id), adjustment.kind.rawValue, adjustment.ref, adjustment.date.description, amount(adjustment.amount),
                       adjustment.status.rawValue, adjustment.preparedBy ?? "", adjustment.approversText,
                       [adjustment.decidedBy, adjustment.decidedAt, adjustment.note].compactMap { $0 }.joined(separator: " · ")])
        }
        return section("Adjusting entries (\(package.adjustments.count))", table.html)
    }

    static func payables(_ package: ClosePackage) -> HTML {
        let summary = package.payables
        var counts = HTMLTable(["Status", "Bills"], numericColumns: [1])
        for count in summary.byStatus { counts.add([count.status.rawValue, String(count.bills)]) }
        counts.total(["Checked by the intake", String(summary.reviewed)])
        var blocked = HTMLTable(["Bill", "Vendor", "Amount", "Action", "Age (days)", "Prepared by", "Reasons"], numericColumns: [2, 4])
        for bill in summary.blocked {
            blocked.add([billTitle(bill), bill.vendor, bill.amount.description, bill.action?.rawValue ?? "", bill.ageDays.map(String.init) ?? "",
                         bill.preparer ?? "", bill.reasons.joined(separator: " ")])
        }
        var released = HTMLTable(["Bill", "Vendor", "Amount", "Released by", "At", "Why", "Prepared by", "What was found"], numericColumns: [2])
        for bill in summary.released {
            released.add([billTitle(bill), bill.vendor, bill.amount.description, bill.release?.by ?? "", bill.release?.at ?? "", bill.release?.reason ?? "",
                          bill.preparer ?? "", bill.reasons.joined(separator: " ")])
        }
        return section("Accounts payable: \(summary.headline)", counts.html, "<h3>Blocked from payment (\(summary.blocked.count))</h3>\n", blocked.html,
                       "<h3>Released despite what was found (\(summary.released.count))</h3>\n", released.html)
    }

    static func billTitle(_ bill: PayablesSummary.Bill) -> String {
        bill.name + (bill.reference.map { " (ref \($0))" } ?? "")
    }

    static func audit(_ package: ClosePackage) -> HTML {
        let verification = package.audit.verification
        let verdict: HTML = verification.isIntact
            ? "<p class=\"ok\">The whole audit trail verifies: \(verification.eventCount) events, every hash and link intact.</p>\n"
            : "<p class=\"bad\">The audit trail is BROKEN: \(verification.problems.map(\.description).joined(separator: "; "))</p>\n"
        var table = HTMLTable(["#", "Recorded", "Actor", "Action", "Targets", "Outcome", "Hash"], numericColumns: [0])
        for event in package.audit.events {
            table.add([String(event.seq), event.recordedAt, event.actor, event.action,
                       event.targets.map { "\($0.model) \($0.id)" + ($0.name.map { " \($0)" } ?? "") }.joined(separator: ", "), event.outcome,
                       String(event.hash.prefix(12))])
        }
        let anchor: HTML = package.audit.latestCheckpoint.map { checkpoint -> HTML in
            """
            <p id="audit-checkpoint">Latest signed checkpoint: \(checkpoint.label), event #\(checkpoint.seq), head <code>\(checkpoint.headHash)</code>, \
            key <code>\(checkpoint.keyID)</code>, signature <code>\(checkpoint.signature)</code>. A trail rewritten after this package \
            was made no longer has this hash at event #\(checkpoint.seq).</p>

            """
        } ?? "<p id=\"audit-checkpoint\">No signed checkpoint: the audit trail is not anchored (see `closer audit keygen`).</p>\n"
        return section("Audit excerpt (\(package.audit.events.count) events about \(package.period))", verdict, anchor, table.html)
    }
}
