/// How much likelier the company's customers paid an invoice late when a sign was on it (it was large for them,
/// they had just had a credit note), learned from their paid invoices as an odds ratio: `late:on time` of the
/// invoices with the sign over that of those without, each count plus one so a small sample leans to no effect.
/// Below `minimumInvoices` of either kind it is 1 (no effect claimed); a company where the sign says nothing
/// learns about 1 too.
struct OddsEffect: Sendable {
    static let minimumInvoices = 20

    let oddsRatio: Double

    /// `outcomes`: for each paid invoice the sign can be judged on, whether it had the sign and whether it came late.
    init(_ outcomes: some Sequence<(signed: Bool, late: Bool)>) {
        var signed = (late: 0, onTime: 0), other = (late: 0, onTime: 0)
        for outcome in outcomes {
            if outcome.signed {
                if outcome.late { signed.late += 1 } else { signed.onTime += 1 }
            } else {
                if outcome.late { other.late += 1 } else { other.onTime += 1 }
            }
        }
        guard signed.late + signed.onTime >= Self.minimumInvoices, other.late + other.onTime >= Self.minimumInvoices else {
            oddsRatio = 1
            return
        }
        oddsRatio = (Double(signed.late + 1) / Double(signed.onTime + 1)) / (Double(other.late + 1) / Double(other.onTime + 1))
    }

    /// `probability` with its odds multiplied by the ratio.
    func adjusted(_ probability: Double) -> Double {
        oddsRatio == 1 ? probability : probability * oddsRatio / (1 - probability + probability * oddsRatio)
    }
}
