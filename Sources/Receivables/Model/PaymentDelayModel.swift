import Foundation
public import Ledger

/// Learns from the company's paid customer invoices how late each customer pays, and predicts for an
/// open invoice the probability it is paid more than `graceDays` late — or, once overdue, later than it
/// already is — with the day it is expected and the reason in words.
///
/// The estimate is the customer's own share of such payments, recent ones weighing more (a customer who
/// is slipping shows it), pulled toward the company's share by `priorWeight` invoices' worth: a customer
/// with no history gets the company's prior, stated as such; a long history speaks for itself. Plain
/// counts, so every probability can be explained and checked (`CalibrationReport`).
public struct PaymentDelayModel: Sendable {
    /// Days past the due date that still count as paid on time.
    public let graceDays: Int
    /// How many invoices' worth the company's prior counts for against a customer's own history.
    public let priorWeight: Double
    /// How many of a customer's latest payments the reason quotes.
    static let quotedPayments = 6
    let company: CustomerHabit
    /// The company's share of payments later than each number of days (0…365), looked up rather than counted per invoice.
    let priorShares: [Double]
    /// The weights of a customer's payments, latest first: each weighs half as much `halfLife` invoices further back.
    let weights: Weights
    /// What every prediction for a customer shares, worked out once and free of references: ranking a million
    /// invoices of fifty thousand customers must neither redo it nor count references for each invoice.
    let profiles: [Profile]
    /// Customer id → position in `profiles`.
    let positions: CustomerPositions
    /// Each customer's distinct days late, ascending, one run per customer (`Profile.steps`)…
    let stepDays: [Int]
    /// …and the weight of their payments later than each step: at `steps.lowerBound + r`, later than the r-th
    /// smallest distinct value (all of them at r = 0), summed as `Weights.weigh` sums, so every figure is the same.
    let stepLate: [Double]
    let habits: [Int: CustomerHabit]
    let companyExpectedLate: Int

    struct Profile: Sendable {
        var count: Int
        var usualMinorUnits: Int64
        var recentRange: ClosedRange<Int>?
        var expectedLate: Int
        /// The weight of all the customer's payments.
        var total: Double
        /// Their run in `stepDays`; in `stepLate` it starts at `lateStart` and is one longer.
        var steps: Range<Int>
        var lateStart: Int
    }

    public init(history: [CustomerInvoice], graceDays: Int = 5, priorWeight: Double = 4, halfLife: Double = 6) {
        self.graceDays = graceDays
        self.priorWeight = priorWeight
        let paid = history.filter { $0.paidOn != nil }.sorted { ($0.paidOn!, $0.id) < ($1.paidOn!, $1.id) }
        let habits = Dictionary(grouping: paid, by: \.customerID).mapValues { Self.habit($0) }
        let company = Self.habit(paid)
        let weights = Weights(halfLife: halfLife)
        let companyExpectedLate = company.medianDaysLate ?? graceDays
        self.company = company
        priorShares = (0...365).map { company.count == 0 ? 0.5 : Double(company.countLaterThan($0)) / Double(company.count) }
        self.weights = weights
        self.companyExpectedLate = companyExpectedLate
        self.habits = habits
        var profiles: [Profile] = [], ids: [Int] = [], stepDays: [Int] = [], stepLate: [Double] = []
        profiles.reserveCapacity(habits.count)
        for (customerID, habit) in habits {
            // The customer's median days late, pulled toward the company's as the prior weighs.
            let own = Double(habit.count)
            let expected = ((own * Double(habit.medianDaysLate ?? companyExpectedLate) + priorWeight * Double(companyExpectedLate)) / (own + priorWeight))
            let distinct = habit.sortedDaysLate.enumerated().filter { $0.offset == 0 || habit.sortedDaysLate[$0.offset - 1] != $0.element }.map(\.element)
            let all = weights.weigh(habit.daysLate) { _ in true }
            let start = stepDays.count, lateStart = stepLate.count
            stepDays += distinct
            stepLate.append(all.late)
            for days in distinct { stepLate.append(weights.weigh(habit.daysLate) { $0 > days }.late) }
            profiles.append(Profile(count: habit.count, usualMinorUnits: habit.usualMinorUnits, recentRange: habit.recentRange(Self.quotedPayments),
                                    expectedLate: Int(expected.rounded()), total: all.total,
                                    steps: start..<stepDays.count, lateStart: lateStart))
            ids.append(customerID)
        }
        self.profiles = profiles
        positions = CustomerPositions(ids)
        self.stepDays = stepDays
        self.stepLate = stepLate
    }

    static func habit(_ paid: [CustomerInvoice]) -> CustomerHabit {
        let totals = paid.map(\.total.minorUnits).sorted()
        return CustomerHabit(customerID: paid.first?.customerID ?? 0, daysLate: paid.compactMap(\.daysLate),
                             usualMinorUnits: totals.isEmpty ? 0 : totals[totals.count / 2])
    }

    public func habit(of customerID: Int) -> CustomerHabit? { habits[customerID] }

    public func predict(_ invoice: CustomerInvoice, asOf: LocalDate) -> LatePaymentPrediction {
        let score = score(invoice, asOf: asOf), profile = score.profile
        let payDate = max(invoice.dueDate.adding(days: profile?.expectedLate ?? companyExpectedLate), asOf.adding(days: 1))
        let usual = profile?.usualMinorUnits ?? 0
        let explanation = LateReason(recentCount: min(Self.quotedPayments, profile?.count ?? 0), recentRange: profile?.recentRange, graceDays: graceDays,
                                     overdueDays: score.overdue, thresholdDays: score.threshold, priorShare: score.prior,
                                     timesUsualAmount: usual > 0 && invoice.total.minorUnits >= 2 * usual ? Double(invoice.total.minorUnits) / Double(usual) : nil)
        return LatePaymentPrediction(invoice: invoice, probabilityBasisPoints: score.basisPoints, predictedPayDate: payDate,
                                     cashAtRiskMinorUnits: Self.cashAtRisk(invoice, score.basisPoints),
                                     fromPrior: (profile?.count ?? 0) == 0, explanation: explanation)
    }

    /// The cash at risk `predict` gives, without building the prediction: what the worklist sorts by.
    public func cashAtRiskMinorUnits(_ invoice: CustomerInvoice, asOf: LocalDate) -> Int64 {
        Self.cashAtRisk(invoice, score(invoice, asOf: asOf).basisPoints)
    }

    /// An invoice read with more credit than it owes (a negative open amount) puts no cash at risk.
    static func cashAtRisk(_ invoice: CustomerInvoice, _ basisPoints: Int) -> Int64 { max(0, invoice.open.minorUnits) * Int64(basisPoints) / 10_000 }

    /// The probability's parts: days overdue, the threshold it asks about, the company's prior there, the customer's profile.
    func score(_ invoice: CustomerInvoice, asOf: LocalDate) -> (overdue: Int, threshold: Int, prior: Double, basisPoints: Int, profile: Profile?) {
        let overdue = max(0, invoice.dueDate.days(until: asOf))
        let threshold = max(graceDays, overdue)
        let profile = positions.position(of: invoice.customerID).map { profiles[$0] }
        var late = 0.0, total = 0.0
        if let profile {
            // How many of the customer's distinct days late are at most the threshold: the later ones are late.
            var low = profile.steps.lowerBound, high = profile.steps.upperBound
            while low < high {
                let middle = (low + high) / 2
                if stepDays[middle] <= threshold { low = middle + 1 } else { high = middle }
            }
            late = stepLate[profile.lateStart + low - profile.steps.lowerBound]
            total = profile.total
        }
        let prior = threshold < priorShares.count ? priorShares[threshold] : Double(company.countLaterThan(threshold)) / Double(max(1, company.count))
        let basisPoints = Int(((late + priorWeight * prior) / (total + priorWeight) * 10_000).rounded())
        return (overdue, threshold, prior, basisPoints, profile)
    }

    /// Payment weights by how far back a payment is, the latest 64 worked out once.
    struct Weights: Sendable {
        let halfLife: Double
        let table: [Double]

        init(halfLife: Double) {
            self.halfLife = halfLife
            table = (0..<64).map { pow(0.5, Double($0) / halfLife) }
        }

        /// The weight of the payments `isLate` picks and of all, `daysLate` in payment order.
        func weigh(_ daysLate: [Int], _ isLate: (Int) -> Bool) -> (late: Double, total: Double) {
            var late = 0.0, total = 0.0
            for (back, days) in daysLate.reversed().enumerated() {
                let weight = back < table.count ? table[back] : pow(0.5, Double(back) / halfLife)
                total += weight
                if isLate(days) { late += weight }
            }
            return (late, total)
        }
    }
}

extension PaymentDelayModel {
    /// The model with the rule set's `receivables.model` settings.
    public init(history: [CustomerInvoice], rules: DelayModelRules) {
        self.init(history: history, graceDays: rules.graceDays, priorWeight: Double(rules.priorWeight), halfLife: Double(rules.halfLifeInvoices))
    }
}
