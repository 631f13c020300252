/// One figure a chart draws: the value that places it (a Double: only for drawing) and the exact text shown for it.
public struct ChartFigure {
    var value: Double
    var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
