import CloseWorkflows
import Foundation
import Ledger
import Prometheus
import Receivables

/// Each pulled ledger's collection measures of its latest month as Prometheus gauges: DSO, average days
/// delinquent, CEI and the aging in minor units. A measure that is undefined (no sales, nothing owed) is
/// left out rather than written as 0, so a dashboard shows a gap, not a false figure.
enum ReceivablesMetrics {
    static func record(_ reports: [ReceivablesMeasuresReport], into registry: PrometheusCollectorRegistry) {
        let latest = reports.compactMap { report in report.headline.map { (source: report.source.text, measure: $0) } }
        func gauge(_ name: String, _ help: String, _ value: (ReceivablesMeasure) -> Decimal?) {
            registry.setGauge(name, help: help, values: latest.compactMap { entry in
                value(entry.measure).map { (["source": entry.source], NSDecimalNumber(decimal: $0).doubleValue) }
            })
        }
        gauge("closer_receivables_dso_days", "Days sales outstanding of the latest month: closing receivables / credit sales × days.", \.dsoDays)
        gauge("closer_receivables_add_days", "Average days delinquent: days past due of what is owed, weighted by amount.", \.averageDaysDelinquent)
        gauge("closer_receivables_cei_percent", "Collection effectiveness index of the latest month, in percent.", \.collectionEffectivenessPercent)
        registry.setGauge("closer_receivables_aging_minor_units", help: "What customers owe by days past due (current, 1-30, 31-60, 61-90, 90+), in minor units.",
                          values: latest.flatMap { entry in
                              entry.measure.aging.buckets.map { (["bucket": $0.bucket.rawValue, "source": entry.source], Double($0.amount.minorUnits)) }
                          })
    }
}
