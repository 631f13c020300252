import Ledger
import CloseStore
import CloseWorkflows
import CloseChecks
import Adjustments
import Markup
import Payables
import Receivables

/// The close package as one CSV file per section (RFC 4180: CRLF line ends, fields quoted when they
/// need it). Amounts are plain exact decimals ("-1234.50"), empty where a comparative was not pulled.
public enum ClosePackageCSV {
    /// File name → text.
    public static func render(_ package: ClosePackage) -> [String: String] {
        [
            "trial-balance.csv": trialBalance(package),
            "balance-sheet.csv": balanceSheet(package),
            "profit-and-loss.csv": profitAndLoss(package),
            "flux.csv": flux(package),
            "reconciliation.csv": reconciliation(package),
            "open-findings.csv": findings(package),
            "checklist.csv": checklist(package),
            "adjustments.csv": adjustments(package),
            "accounts-payable.csv": payables(package),
            "accounts-receivable.csv": receivables(package),
            "accounts-receivable-customers.csv": receivableCustomers(package),
            "audit-excerpt.csv": audit(package),
            "audit-checkpoint.csv": checkpoint(package),
        ]
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(\.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    static func amount(_ money: Money?) -> String { money?.decimalText ?? "" }

    static func trialBalance(_ package: ClosePackage) -> String {
        let balances = package.trialBalance
        let rows = balances.current.rows.map { row in
            [row.code, row.name, row.type.rawValue, amount(row.opening), amount(row.debit), amount(row.credit), amount(row.closing)]
                + balances.comparativeClosings(of: row).map(amount)
        }
        return table(["account_code", "account_name", "account_type", "opening", "debit", "credit", "closing", "prior_period_closing",
                      "same_period_last_year_closing"],
                     rows + [["", "Total", "", "", amount(balances.current.totalDebit), amount(balances.current.totalCredit), "", "", ""]])
    }

    static let statementHeader = ["section", "account_code", "account_name", "this_period", "prior_period", "same_period_last_year"]

    static func statementRows(_ groups: [StatementGroup]) -> [[String]] {
        groups.flatMap { group in
            group.rows.map { [group.family.rawValue, $0.code, $0.name] + $0.amounts.columns.map(amount) }
                + [[group.family.rawValue, "", "Total " + group.family.title.lowercased()] + group.total.columns.map(amount)]
        }
    }

    static func balanceSheet(_ package: ClosePackage) -> String {
        let sheet = package.balanceSheet
        let results: [(String, ComparativeAmounts)] = [
            ("Current-year result", sheet.currentYearResult), ("Earlier years' result not yet closed", sheet.earlierYearsResult),
            ("Total liabilities, equity and results", sheet.totalLiabilitiesAndEquity), ("Difference (zero when it balances)", sheet.difference),
        ]
        return table(statementHeader, statementRows(sheet.groups) + results.map { ["total", "", $0.0] + $0.1.columns.map(amount) })
    }

    static func profitAndLoss(_ package: ClosePackage) -> String {
        let statement = package.profitAndLoss
        return table(statementHeader, statementRows(statement.groups) + [["total", "", "Result (income − expenses)"] + statement.result.columns.map(amount)])
    }

    static func flux(_ package: ClosePackage) -> String {
        table(["comparison", "base", "account_code", "account_name", "nature", "this_period", "base_amount", "change", "explanation"],
              package.flux.variances.map { variance in
                  [variance.comparison.rawValue, variance.baseLabel, variance.code, variance.name, variance.nature.rawValue,
                   amount(variance.current), amount(variance.base), amount(variance.delta), variance.narrative]
              })
    }

    static func reconciliation(_ package: ClosePackage) -> String {
        table(["status", "statement_lines", "currency", "net_amount"], package.reconciliation.buckets.flatMap { bucket in
            bucket.amounts.isEmpty ? [[bucket.status.rawValue, String(bucket.lines), "", ""]]
                : bucket.amounts.map { [bucket.status.rawValue, String(bucket.lines), $0.currency.description, amount($0)] }
        })
    }

    static func findings(_ package: ClosePackage) -> String {
        table(["severity", "check_id", "records", "message"], (package.openFindings ?? []).map { finding in
            [finding.severity.rawValue, finding.checkID, finding.records.map { "\($0.model)#\($0.id) \($0.name)" }.joined(separator: "; "), finding.message]
        })
    }

    static func checklist(_ package: ClosePackage) -> String {
        table(["task", "title", "owner", "due", "status", "completed_by", "completed_at", "comment", "evidence"], (package.checklist?.rows ?? []).map { row in
            let task = row.task
            return [task.key, task.title, task.owner, task.dueDate.description, row.status.rawValue, task.completedBy ?? "", task.completedAt ?? "",
                    task.comment ?? "", task.evidence?.summary ?? ""]
        })
    }

    static func adjustments(_ package: ClosePackage) -> String {
        table(["id", "kind", "entry", "date", "amount", "status", "prepared_by", "approvals", "decided_by", "decided_at", "note"],
              package.adjustments.map { adjustment in
                  [String(adjustment.id), adjustment.kind.rawValue, adjustment.ref, adjustment.date.description, amount(adjustment.amount),
                   adjustment.status.rawValue, adjustment.preparedBy ?? "", adjustment.approversText, adjustment.decidedBy ?? "",
                   adjustment.decidedAt ?? "", adjustment.note ?? ""]
              })
    }

    /// The period's vendor bills the intake stopped, noted or saw released (clear ones are only counted).
    static func payables(_ package: ClosePackage) -> String {
        table(["bill_id", "bill", "reference", "vendor", "amount", "currency", "status", "action", "age_days", "prepared_by", "reasons",
               "released_by", "released_at", "release_reason"], package.payables.bills.map { bill in
            [String(bill.billID), bill.name, bill.reference ?? "", bill.vendor, amount(bill.amount), bill.amount.currency.description, bill.status.rawValue,
             bill.action?.rawValue ?? "", bill.ageDays.map(String.init) ?? "", bill.preparer ?? "", bill.reasons.joined(separator: " "),
             bill.release?.by ?? "", bill.release?.at ?? "", bill.release?.reason ?? ""]
        })
    }

    /// Every month's collection measures up to the period, oldest first; a measure left empty is undefined (no sales, nothing owed).
    static func receivables(_ package: ClosePackage) -> String {
        table(receivablesHeader(first: "month"), package.receivables.months.map { [$0.period.description] + receivableFigures($0) })
    }

    /// Each customer's measures in the period, the most owed first.
    static func receivableCustomers(_ package: ClosePackage) -> String {
        table(["customer_id", "customer"] + receivablesHeader(first: nil), package.receivables.customers.map { customer in
            [String(customer.customerID), customer.customerName] + receivableFigures(customer.measure)
        })
    }

    static func receivablesHeader(first: String?) -> [String] {
        [first].compactMap { $0 } + ["as_of", "opening", "credit_sales", "closing", "not_yet_due", "dso_days", "add_days", "cei_percent", "currency"]
            + AgingBuckets.Bucket.allCases.map { "aging_\($0.rawValue)" }
    }

    static func receivableFigures(_ measure: ReceivablesMeasure) -> [String] {
        [measure.asOf.description, amount(measure.openingReceivables), amount(measure.creditSales), amount(measure.closingReceivables),
         amount(measure.closingCurrent)] + [measure.dsoDays, measure.averageDaysDelinquent, measure.collectionEffectivenessPercent].map { $0.map { "\($0)" } ?? "" }
            + [measure.closingReceivables.currency.description] + measure.aging.buckets.map { amount($0.amount) }
    }

    static func audit(_ package: ClosePackage) -> String {
        table(["seq", "recorded_at", "actor", "action", "targets", "outcome", "hash", "previous_hash"], package.audit.events.map { event in
            [String(event.seq), event.recordedAt, event.actor, event.action,
             event.targets.map { "\($0.model)#\($0.id)" }.joined(separator: "; "), event.outcome, event.hash, event.previousHash]
        })
    }

    /// The latest signed checkpoint (a header only when the trail is not anchored).
    static func checkpoint(_ package: ClosePackage) -> String {
        table(["checkpoint", "seq", "head_hash", "signed_at", "key_id", "signature", "chain_id"], package.audit.latestCheckpoint.map { checkpoint in
            [[String(checkpoint.number), String(checkpoint.seq), checkpoint.headHash, checkpoint.signedAt, checkpoint.keyID, checkpoint.signature,
              checkpoint.chainID]]
        } ?? [])
    }
}
