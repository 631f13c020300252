/// Which calls fail, decided by the call's number and a seed (SplitMix64), so a run with the same seed and
/// the same sequence of calls meets the same faults.
struct FaultPlan: Sendable {
    enum Fault { case badGateway, dropped }

    let badGatewayRate: Double
    let dropRate: Double
    let seed: UInt64

    func fault(forCall number: Int) -> Fault? {
        guard badGatewayRate > 0 || dropRate > 0 else { return nil }
        var z = seed &+ UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let draw = Double(z >> 11) / Double(1 << 53)
        if draw < badGatewayRate { return .badGateway }
        return draw < badGatewayRate + dropRate ? .dropped : nil
    }
}
