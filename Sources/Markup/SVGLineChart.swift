import Foundation

/// A line chart drawn as inline SVG: one line per series over the same points (months), from a zero
/// baseline, with each point's exact figure in its tooltip and at the line's last point. Doubles only
/// place the points; the text is the caller's. A series without a figure at a point breaks its line there.
public struct SVGLineChart {
    public typealias Point = ChartFigure

    public struct Series {
        var name: String
        /// One per x label; nil where the series has no figure.
        var points: [Point?]

        public init(name: String, points: [Point?]) {
            self.name = name
            self.points = points
        }
    }

    public var title: String
    public var xLabels: [String]
    public var series: [Series]

    public init(title: String, xLabels: [String], series: [Series]) {
        self.title = title
        self.xLabels = xLabels
        self.series = series
    }

    public static let width = 720.0, height = 260.0, left = 48.0, right = 90.0, top = 44.0, bottom = 28.0

    public var svg: HTML {
        let values = series.flatMap { $0.points.compactMap { $0?.value } }
        let low = min(0, values.min() ?? 0), high = max(low + 1, values.max() ?? 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let step = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        func x(_ index: Int) -> Double { Self.left + Double(index) * step }
        func y(_ value: Double) -> Double { Self.top + plotHeight - (value - low) / (high - low) * plotHeight }
        let grid = [low, (low + high) / 2, high].map { value -> HTML in
            """
            <line x1="\(px(Self.left))" y1="\(px(y(value)))" x2="\(px(Self.left + plotWidth))" y2="\(px(y(value)))" stroke="#e2e8f0"/>\
            <text x="\(px(Self.left - 6))" y="\(px(y(value) + 4))" text-anchor="end">\(String(format: "%.0f", value))</text>
            """
        }
        // At most about twelve month names under the axis, so they never overlap.
        let every = max(1, (xLabels.count + 11) / 12)
        let ticks = xLabels.enumerated().filter { $0.offset % every == 0 || $0.offset == xLabels.count - 1 }.map { index, label -> HTML in
            "<text x=\"\(px(x(index)))\" y=\"\(px(Self.height - 8))\" text-anchor=\"middle\">\(label)</text>"
        }
        let legend = series.enumerated().map { index, line -> HTML in
            let left = Self.left + Double(index) * 180
            return "<rect x=\"\(px(left))\" y=\"24\" width=\"10\" height=\"10\" fill=\"\(SVGBarChart.color(index))\"/><text x=\"\(px(left + 14))\" y=\"33\">\(line.name)</text>"
        }
        let lines = series.enumerated().map { index, line -> HTML in
            let color = SVGBarChart.color(index)
            var path = "", pen = "M"
            var marks: [HTML] = []
            for (offset, point) in line.points.enumerated() {
                guard let point else { pen = "M"; continue }
                path += "\(pen)\(px(x(offset))) \(px(y(point.value))) "
                pen = "L"
                marks.append("<circle cx=\"\(px(x(offset)))\" cy=\"\(px(y(point.value)))\" r=\"3\" fill=\"\(color)\"><title>\(line.name) \(xLabels[offset]): \(point.label)</title></circle>")
            }
            let last: HTML = line.points.indices.last(where: { line.points[$0] != nil }).map { offset -> HTML in
                "<text x=\"\(px(x(offset) + 6))\" y=\"\(px(y(line.points[offset]!.value) + 4))\" fill=\"\(color)\">\(line.points[offset]!.label)</text>"
            } ?? ""
            return "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\(marks)\(last)"
        }
        return """
            <svg role="img" width="\(px(Self.width))" height="\(px(Self.height))" viewBox="0 0 \(px(Self.width)) \(px(Self.height))" \
            font-family="sans-serif" font-size="11"><title>\(title)</title><text x="0" y="14" font-size="13" font-weight="bold">\(title)</text>\
            \(legend)\(grid)\(ticks)\(lines)</svg>

            """
    }

    func px(_ value: Double) -> String { SVGBarChart.px(value) }
}
