public import Ledger

/// What the model says about one open invoice: the probability it is paid later than the rules' grace
/// (or, once overdue, later than it already is), the day it is expected, the cash at risk and why.
public struct LatePaymentPrediction: Sendable, Codable, Hashable {
    public var invoice: CustomerInvoice
    /// Calibrated on the company's own history (see `CalibrationReport`); in basis points, 0…10,000.
    public var probabilityBasisPoints: Int
    public var predictedPayDate: LocalDate
    /// The open amount weighted by the probability, in minor units of the invoice's currency: exact integer arithmetic.
    public var cashAtRiskMinorUnits: Int64
    /// Whether the customer had too little history and the company's prior decided.
    public var fromPrior: Bool
    public var explanation: LateReason

    /// Why, in words.
    public var reason: String { explanation.text }

    public var probability: Double { Double(probabilityBasisPoints) / 10_000 }
    public var cashAtRisk: Money { Money(minorUnits: cashAtRiskMinorUnits, currency: invoice.open.currency, scale: invoice.open.scale) }
}
