/// How findings are grouped, fitted to the company and ranked before a controller reads them (the rule set's
/// `triage` section). Plain values with the defaults of rules/closer-rules.yaml.
public struct TriageRules: Sendable, Hashable {
    /// Findings of one check that share one cause (a creation day and author, a journal, an account and partner)
    /// become one finding once there are at least this many.
    public var systemicMinFindings: Int
    /// A journal's unreconciled statement lines are one abandoned feed when they span at least this many months.
    public var abandonedFeedMonths: Int
    /// When on, a check whose premise the company does not share (analytic accounting never used, journals never
    /// used, weekend bookings routine) says so once instead of firing per record.
    public var checkPremises: Bool
    /// weekend-posting's premise: the company books at the weekend routinely when at least this share (percent)
    /// of its earlier entries were dated or keyed in on a Saturday or Sunday.
    public var weekendRoutinePercent: Int
    /// A finding is material at or above this share (percent) of the company's size (the period's expenses or
    /// revenue, the larger), trivial below `trivialPercent`.
    public var materialPercent: Double
    public var trivialPercent: Double
    /// The first screen holds every blocking finding and every warning whose risk (0…1: severity, the detector's own
    /// score, the company's history) is at least this or whose amount is not trivial; advisories, notes and patterns
    /// to confirm are folded below it.
    public var firstScreenMinRisk: Double
    /// A dismissal lasts at most this many days from the day it is made (a whole check's always has an expiry).
    public var dismissalMaxDays: Int

    public init(systemicMinFindings: Int = 5, abandonedFeedMonths: Int = 3, checkPremises: Bool = true, weekendRoutinePercent: Int = 10,
                materialPercent: Double = 1, trivialPercent: Double = 0.1, firstScreenMinRisk: Double = 0.4, dismissalMaxDays: Int = 365) {
        self.systemicMinFindings = systemicMinFindings
        self.abandonedFeedMonths = abandonedFeedMonths
        self.checkPremises = checkPremises
        self.weekendRoutinePercent = weekendRoutinePercent
        self.materialPercent = materialPercent
        self.trivialPercent = trivialPercent
        self.firstScreenMinRisk = firstScreenMinRisk
        self.dismissalMaxDays = dismissalMaxDays
    }
}
