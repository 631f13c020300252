import Foundation

/// A horizontal grouped bar chart drawn as inline SVG: one group of bars per category, one bar per
/// series, a zero line so negative values (a loss, a fall) point left. Doubles only place the bars;
/// the text beside each bar is the caller's exact figure.
public struct SVGBarChart {
    public typealias Bar = ChartFigure

    public struct Category {
        var name: String
        /// One per series; nil where the series has no figure (a comparative not pulled).
        var bars: [Bar?]

        public init(name: String, bars: [Bar?]) {
            self.name = name
            self.bars = bars
        }
    }

    public var title: String
    public var series: [String]
    public var categories: [Category]

    public init(title: String, series: [String], categories: [Category]) {
        self.title = title
        self.series = series
        self.categories = categories
    }

    public static let colors = ["#2b6cb0", "#a0aec0", "#dd6b20", "#38a169"]
    public static let width = 720.0, labelWidth = 200.0, textWidth = 120.0, barHeight = 14.0, gap = 10.0

    public var svg: HTML {
        let values = categories.flatMap { $0.bars.compactMap { $0?.value } }
        let low = min(0, values.min() ?? 0), high = max(0, values.max() ?? 0)
        let plot = Self.width - Self.labelWidth - Self.textWidth
        let scale = high > low ? plot / (high - low) : 0
        let zero = Self.labelWidth + (0 - low) * scale
        let legendHeight = series.count > 1 ? 20.0 : 0
        let groupHeight = Double(series.count) * Self.barHeight + Self.gap
        let height = 28 + legendHeight + Double(categories.count) * groupHeight + 6
        // A single series needs no legend: the title names it.
        let legend: [HTML] = series.count < 2 ? [] : series.enumerated().map { index, name -> HTML in
            let x = Self.labelWidth + Double(index) * 150
            return "<rect x=\"\(px(x))\" y=\"24\" width=\"10\" height=\"10\" fill=\"\(Self.color(index))\"/><text x=\"\(px(x + 14))\" y=\"33\">\(name)</text>"
        }
        var y = 28 + legendHeight
        var groups: [HTML] = []
        for category in categories {
            groups.append("<text x=\"\(px(Self.labelWidth - 6))\" y=\"\(px(y + groupHeight / 2))\" text-anchor=\"end\">\(category.name)</text>")
            for (index, bar) in category.bars.enumerated() {
                let top = y + Double(index) * Self.barHeight
                guard let bar else { continue }
                let length = abs(bar.value) * scale
                let x = bar.value < 0 ? zero - length : zero
                let textX = Self.labelWidth + plot + 4
                groups.append("<rect x=\"\(px(x))\" y=\"\(px(top))\" width=\"\(px(length))\" height=\"\(px(Self.barHeight - 2))\" fill=\"\(Self.color(index))\"/>")
                groups.append("<text x=\"\(px(textX))\" y=\"\(px(top + Self.barHeight - 4))\">\(bar.label)</text>")
            }
            y += groupHeight
        }
        return """
            <svg role="img" width="\(px(Self.width))" height="\(px(height))" viewBox="0 0 \(px(Self.width)) \(px(height))" \
            font-family="sans-serif" font-size="11"><title>\(title)</title><text x="0" y="14" font-size="13" font-weight="bold">\(title)</text>\
            \(legend)\(groups)<line x1="\(px(zero))" y1="\(px(28 + legendHeight))" x2="\(px(zero))" y2="\(px(y))" stroke="#4a5568"/></svg>

            """
    }

    public static func color(_ index: Int) -> String { colors[index % colors.count] }

    public func px(_ value: Double) -> String { Self.px(value) }

    /// A coordinate to a tenth of a pixel: enough for the eye, short in the file. Every chart writes them so.
    static func px(_ value: Double) -> String { String(format: "%.1f", value) }
}
