import Foundation

/// Logistic regression over MatchFeatures: the probability that a candidate is the right match.
/// Fitted on the company's own reconciled history (Newton's method with a small L2 penalty, so it
/// converges in a few steps and never lets one rare feature dominate), refitted when reviewers
/// approve or reject proposals. Weights are plain numbers, stored with a version and the counts
/// they were learned from, so every score can be traced to the model that gave it.
public struct MatchModel: Sendable, Codable, Equatable {
    public var version: Int
    public var featureNames: [String]
    public var weights: [Double]
    public var trainedOn: Int
    public var positives: Int

    /// Before any history: hand-set weights that trust amounts, references and partners in that order.
    public static let prior = MatchModel(version: 0, featureNames: MatchFeatures.names, weights: [
        -4, 2.5, 1.5, 0.5, 4, 2.5, -1.5, 2, -2.5, 1.5, 1, -0.8, -0.7, 6, 0, 2,
    ], trainedOn: 0, positives: 0)

    public func probability(_ features: [Double]) -> Double {
        var z = 0.0
        for index in 0..<min(weights.count, features.count) { z += weights[index] * features[index] }
        return 1 / (1 + exp(-z))
    }

    /// Fits a model on labelled examples; falls back to the prior when there is nothing to learn from.
    public static func fit(_ examples: [(features: [Double], label: Bool)], version: Int, l2: Double = 1.0, iterations: Int = 25) -> MatchModel {
        let positives = examples.filter(\.label).count
        guard positives > 0, positives < examples.count else {
            var model = prior
            model.version = version
            return model
        }
        let dimension = MatchFeatures.names.count
        var weights = [Double](repeating: 0, count: dimension)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: dimension)
            var hessian = [Double](repeating: 0, count: dimension * dimension)
            for (x, label) in examples {
                var z = 0.0
                for i in 0..<dimension { z += weights[i] * x[i] }
                let p = 1 / (1 + exp(-z))
                let error = p - (label ? 1 : 0)
                let curvature = max(p * (1 - p), 1e-9)
                for i in 0..<dimension where x[i] != 0 {
                    gradient[i] += error * x[i]
                    for j in 0..<dimension where x[j] != 0 { hessian[i * dimension + j] += curvature * x[i] * x[j] }
                }
            }
            // The penalty keeps features that never vary (or always predict) finite; the bias is not penalised.
            for i in 1..<dimension {
                gradient[i] += l2 * weights[i]
                hessian[i * dimension + i] += l2
            }
            hessian[0] += 1e-6
            guard let step = solve(hessian, gradient, dimension) else { break }
            var largest = 0.0
            for i in 0..<dimension {
                weights[i] -= step[i]
                largest = max(largest, abs(step[i]))
            }
            if largest < 1e-7 { break }
        }
        return MatchModel(version: version, featureNames: MatchFeatures.names, weights: weights, trainedOn: examples.count, positives: positives)
    }

    /// Solves A·x = b by Gaussian elimination with partial pivoting (A is small and symmetric positive definite).
    static func solve(_ matrix: [Double], _ vector: [Double], _ n: Int) -> [Double]? {
        var a = matrix, b = vector
        for column in 0..<n {
            var pivot = column
            for row in column + 1..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            guard abs(a[pivot * n + column]) > 1e-12 else { return nil }
            if pivot != column {
                for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
                b.swapAt(column, pivot)
            }
            for row in column + 1..<n {
                let factor = a[row * n + column] / a[column * n + column]
                guard factor != 0 else { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in row + 1..<n { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x
    }
}
