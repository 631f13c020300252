public import DemoCompany
public import Treasury

extension ControlScore {
    /// `proposal`: the pre-flight of the demo's payment run. Each bill left out counts once per kind of issue it has,
    /// and a vendor's bills left out for one kind count together: an account's problem holds every bill paid to it.
    public static func score(_ proposal: PaymentRunProposal, against truth: GroundTruth) -> [ControlScore] {
        var byVendor: [String: [Int: Set<Key>]] = [:]
        for bill in proposal.leftOut {
            for kind in Set(bill.issues.map(\.kind)) {
                byVendor[kind, default: [:]][bill.candidate.vendorID, default: []].insert(Key("account.move", bill.candidate.billID))
            }
        }
        return score(flagged: byVendor.mapValues { Set($0.values) }, kinds: GroundTruth.treasuryKinds,
                     lookAlikes: truth.lookAlikes(of: GroundTruth.treasuryLookAlikeKinds), against: truth)
    }
}
