public import Foundation
import Ledger
public import Markup
public import Receivables

/// The receivables measures drawn for people: DSO and average days delinquent as lines over the months,
/// the aging as bars, the months as a table. Shared by the close package and the dashboard.
public enum ReceivablesMeasuresHTML {
    /// DSO and ADD month by month: a rise is seen before it is read.
    public static func trend(_ months: [ReceivablesMeasure], whose: String) -> HTML {
        func line(_ name: String, _ value: (ReceivablesMeasure) -> Decimal?) -> SVGLineChart.Series {
            SVGLineChart.Series(name: name, points: months.map { month in
                value(month).map { SVGLineChart.Point(value: NSDecimalNumber(decimal: $0).doubleValue, label: "\($0) d") }
            })
        }
        return SVGLineChart(title: "Days sales outstanding and average days delinquent, \(whose)", xLabels: months.map(\.period.description),
                            series: [line("DSO (days)", \.dsoDays), line("Average days delinquent", \.averageDaysDelinquent)]).svg
    }

    /// What was owed at the month's end by days past due, one bar per bucket.
    public static func aging(_ measure: ReceivablesMeasure) -> HTML {
        SVGBarChart(title: "Aging on \(measure.asOf): \(measure.closingReceivables) owed", series: ["Owed"], categories: measure.aging.buckets.map { bucket in
            SVGBarChart.Category(name: bucket.bucket.title, bars: [SVGBarChart.Bar(value: Double(bucket.amount.minorUnits), label: bucket.amount.description)])
        }).svg
    }

    /// Every month's figures, oldest first.
    public static func months(_ months: [ReceivablesMeasure]) -> HTML {
        var table = HTMLTable(["Month", "Opening", "Credit sales", "Closing", "Not yet due", "DSO (d)", "ADD (d)", "CEI (%)"] + AgingBuckets.Bucket.allCases.map(\.title),
                              numericColumns: Set(1...12))
        for month in months {
            table.add([month.period.description, month.openingReceivables.decimalText, month.creditSales.decimalText, month.closingReceivables.decimalText,
                       month.closingCurrent.decimalText] + figures(month) + month.aging.buckets.map(\.amount.decimalText))
        }
        return table.html
    }

    /// DSO, ADD and CEI as text, "—" where a measure is undefined (no sales, nothing owed, nothing collectible).
    public static func figures(_ measure: ReceivablesMeasure) -> [String] {
        [measure.dsoDays, measure.averageDaysDelinquent, measure.collectionEffectivenessPercent].map { $0.map { "\($0)" } ?? "—" }
    }
}
