/// How well predicted probabilities matched what happened: the Brier score (mean squared error; 0 is
/// perfect, 0.25 is a coin toss) and a table by bands of probability — in each band, the mean predicted
/// probability beside the share that really came late. Published so anyone can check the model.
public struct CalibrationReport: Sendable, Codable, Hashable {
    public struct Band: Sendable, Codable, Hashable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var meanPredicted: Double
        public var observedRate: Double
    }

    public var count: Int
    public var brierScore: Double
    public var bands: [Band]

    /// `outcomes`: each prediction's probability and whether the invoice was in fact paid late.
    public init(_ outcomes: [(probability: Double, late: Bool)], bands bandCount: Int = 10) {
        count = outcomes.count
        brierScore = outcomes.isEmpty ? 0 : outcomes.map { ($0.probability - ($0.late ? 1 : 0)) * ($0.probability - ($0.late ? 1 : 0)) }
            .reduce(0, +) / Double(outcomes.count)
        var grouped = Array(repeating: [(probability: Double, late: Bool)](), count: bandCount)
        for outcome in outcomes { grouped[min(bandCount - 1, max(0, Int(outcome.probability * Double(bandCount))))].append(outcome) }
        bands = grouped.enumerated().compactMap { index, members in
            guard !members.isEmpty else { return nil }
            return Band(lower: Double(index) / Double(bandCount), upper: Double(index + 1) / Double(bandCount), count: members.count,
                        meanPredicted: members.map(\.probability).reduce(0, +) / Double(members.count),
                        observedRate: Double(members.filter(\.late).count) / Double(members.count))
        }
    }
}
