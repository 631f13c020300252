/// How intercompany differences are treated. Tolerances are explicit, in minor units of the
/// members' currency.
public struct IntercompanyRules: Sendable, Hashable {
    /// What happens to a pair whose two sides differ.
    public enum MismatchTreatment: String, Sendable, Codable, Hashable {
        /// Report it and eliminate nothing until the books agree.
        case reportOnly = "report-only"
        /// Eliminate the lower of the two sides and leave the difference in the consolidation.
        case eliminateLower = "eliminate-lower"
    }

    public var mismatch: MismatchTreatment
    /// Sides that differ by at most this many minor units count as agreeing (the lower is eliminated).
    public var toleranceMinorUnits: Int64
    /// How far apart in days a document and its counterpart may be dated when paired by amount alone.
    public var amountPairingDays: Int

    public init(mismatch: MismatchTreatment = .reportOnly, toleranceMinorUnits: Int64 = 0, amountPairingDays: Int = 45) {
        self.mismatch = mismatch
        self.toleranceMinorUnits = toleranceMinorUnits
        self.amountPairingDays = amountPairingDays
    }
}
