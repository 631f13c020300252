import Foundation
public import Ledger

/// Learns from the company's customer invoices how late each customer pays, and predicts for an open
/// invoice the probability it is paid more than `graceDays` late — or, once overdue, that it stays unpaid
/// more than `graceDays` longer than it already has — with the day it is expected and the reason in words.
///
/// An overdue invoice is judged only against the invoices that were also still unpaid that late (paid
/// ones, and ones still open on the day the model learns, which count once their outcome is known): an
/// invoice 200 days overdue is compared with the ones that lasted 200 days, not with every invoice ever
/// paid. The estimate is the customer's own share, recent payments weighing more (a customer who is
/// slipping shows it), pulled toward the company's share by `priorWeight` invoices' worth: a customer with
/// no history gets the company's prior, stated as such. Plain counts, so every probability can be
/// explained and checked (`CalibrationReport`, `TimeSplitEvaluation`).
public struct PaymentDelayModel: Sendable {
    /// Days past the due date that still count as paid on time, and the days more an overdue invoice is given.
    public let graceDays: Int
    /// How many invoices' worth the company's prior counts for against a customer's own history.
    public let priorWeight: Double
    /// How many of a customer's latest payments the reason quotes.
    static let quotedPayments = 6
    /// The company's prior and expected days late for an invoice overdue 0…`tableDays` days, worked out once.
    static let tableDays = 400
    let priorShares: [Double]
    let companyExpectedLate: [Int?]
    /// What every prediction for a customer shares, free of references: ranking a million invoices of fifty
    /// thousand customers must neither redo it nor count references for each invoice.
    let profiles: [Profile]
    /// Customer id → position in `profiles`.
    let positions: CustomerPositions
    /// Each customer's distinct days late, ascending (`Profile.steps`)…
    let stepDays: SortedRuns
    /// …and the weight of their payments later than each step: at `lateStart + r`, later than the r-th smallest
    /// distinct value (all of them at r = 0), summed as `Weights.weigh` sums, so every figure is the same.
    let stepLate: [Double]
    /// Each customer's days late, every payment (`Profile.paid`): the median of those at least so late.
    let paidDays: SortedRuns
    /// How overdue each customer's invoices still open on the day learned were (`Profile.open`).
    let openDays: SortedRuns
    /// Whether an invoice at least twice the customer's usual amount, or one after a credit note, is paid late more often here.
    let largeEffect: OddsEffect
    let creditNoteEffect: OddsEffect
    /// Each customer's credit notes known on the day learned, as day numbers (`Profile.creditNotes`).
    let creditNoteDays: SortedRuns

    struct Profile: Sendable {
        var count: Int
        var usualMinorUnits: Int64
        var recentRange: ClosedRange<Int>?
        /// The weight of all the customer's payments.
        var total: Double
        var steps: Range<Int>
        var lateStart: Int
        var paid: Range<Int>
        var open: Range<Int>
        var creditNotes: Range<Int>
    }

    /// `history` is every customer invoice known on `knownOn`: those paid by then are learned from; those
    /// still open and overdue then count, for each question, once they are overdue past it. Without
    /// `knownOn` only paid invoices count. `creditNotes` are the customers' credit notes (those dated after
    /// `knownOn` are not known yet).
    public init(history: [CustomerInvoice], creditNotes: [CustomerCreditNote] = [], knownOn: LocalDate? = nil, graceDays: Int = 5,
                priorWeight: Double = 4, halfLife: Double = 6) {
        self.graceDays = graceDays
        self.priorWeight = priorWeight
        let paid = history.filter { invoice in invoice.paidOn.map { paidOn in knownOn.map { paidOn <= $0 } ?? true } ?? false }
            .sorted { ($0.paidOn!, $0.id) < ($1.paidOn!, $1.id) }
        let stillOpen: [(customerID: Int, days: Int)] = knownOn.map { day in
            history.filter { ($0.paidOn.map { $0 > day } ?? ($0.open.minorUnits > 0)) && $0.dueDate < day }
                .map { ($0.customerID, $0.dueDate.days(until: day)) }
        } ?? []
        let habits = Dictionary(grouping: paid, by: \.customerID).mapValues { Self.habit($0) }
        let openByCustomer = Dictionary(grouping: stillOpen, by: \.customerID).mapValues { $0.map(\.days).sorted() }
        let notesByCustomer = Dictionary(grouping: creditNotes.filter { note in knownOn.map { note.date <= $0 } ?? true }, by: \.customerID)
            .mapValues { $0.map { Int($0.date.daysSinceEpoch) }.sorted() }
        var noteRuns = SortedRuns(), noteRun: [Int: Range<Int>] = [:]
        for (customerID, days) in notesByCustomer { noteRun[customerID] = noteRuns.append(days) }
        let judged = paid.filter { habits[$0.customerID].map { $0.count >= InvoiceSigns.minimumHistory } ?? false }
        largeEffect = OddsEffect(judged.map { invoice in
            (InvoiceSigns.isLarge(invoice.total.minorUnits, usual: habits[invoice.customerID]!.usualMinorUnits), invoice.daysLate! > graceDays)
        })
        creditNoteEffect = OddsEffect(paid.map { invoice in
            (noteRun[invoice.customerID].map { InvoiceSigns.hadCreditNote(before: invoice.dueDate, in: $0, of: noteRuns) } ?? false, invoice.daysLate! > graceDays)
        })
        creditNoteDays = noteRuns
        let company = Self.habit(paid), companyOpen = stillOpen.map(\.days).sorted()
        (priorShares, companyExpectedLate) = Self.companyTables(paid: company.sortedDaysLate, open: companyOpen, graceDays: graceDays)

        let weights = Weights(halfLife: halfLife)
        var profiles: [Profile] = [], ids: [Int] = [], stepDays = SortedRuns(), stepLate: [Double] = [], paidDays = SortedRuns(), openDays = SortedRuns()
        profiles.reserveCapacity(habits.count)
        for customerID in Set(habits.keys).union(openByCustomer.keys).union(noteRun.keys) {
            let habit = habits[customerID] ?? CustomerHabit(customerID: customerID, daysLate: [], usualMinorUnits: 0)
            let distinct = habit.sortedDaysLate.enumerated().filter { $0.offset == 0 || habit.sortedDaysLate[$0.offset - 1] != $0.element }.map(\.element)
            let all = weights.weigh(habit.daysLate) { _ in true }
            let lateStart = stepLate.count
            stepLate.append(all.late)
            for days in distinct { stepLate.append(weights.weigh(habit.daysLate) { $0 > days }.late) }
            let usual = habit.count >= InvoiceSigns.minimumHistory ? habit.usualMinorUnits : 0
            profiles.append(Profile(count: habit.count, usualMinorUnits: usual, recentRange: habit.recentRange(Self.quotedPayments),
                                    total: all.total, steps: stepDays.append(distinct), lateStart: lateStart,
                                    paid: paidDays.append(habit.sortedDaysLate), open: openDays.append(openByCustomer[customerID] ?? []),
                                    creditNotes: noteRun[customerID] ?? 0..<0))
            ids.append(customerID)
        }
        self.profiles = profiles
        positions = CustomerPositions(ids)
        self.stepDays = stepDays
        self.stepLate = stepLate
        self.paidDays = paidDays
        self.openDays = openDays
    }

    static func habit(_ paid: [CustomerInvoice]) -> CustomerHabit {
        let totals = paid.map(\.total.minorUnits).sorted()
        return CustomerHabit(customerID: paid.first?.customerID ?? 0, daysLate: paid.compactMap(\.daysLate),
                             usualMinorUnits: totals.isEmpty ? 0 : totals[totals.count / 2])
    }

    /// For each number of days overdue: the company's share of invoices still unpaid that late that stayed so more than
    /// the grace longer, and the median days late of those paid. Where no invoice ever lasted that long, the last
    /// share seen stands (0.5 with no history at all) and no median is known.
    static func companyTables(paid: [Int], open: [Int], graceDays: Int) -> (shares: [Double], expectedLate: [Int?]) {
        var paidRuns = SortedRuns(), openRuns = SortedRuns()
        let paidRun = paidRuns.append(paid), openRun = openRuns.append(open)
        var shares: [Double] = [], expected: [Int?] = []
        for overdue in 0...tableDays {
            let threshold = overdue + graceDays
            let knownLate = openRuns.countAbove(threshold, in: openRun)
            let late = paidRuns.countAbove(threshold, in: paidRun) + knownLate
            let firstPaid = overdue == 0 ? paidRun.lowerBound : paidRuns.firstAbove(overdue - 1, in: paidRun)
            let atRisk = paidRun.upperBound - firstPaid + knownLate
            shares.append(atRisk > 0 ? Double(late) / Double(atRisk) : shares.last ?? 0.5)
            expected.append(firstPaid < paidRun.upperBound ? paidRuns[(firstPaid + paidRun.upperBound) / 2] : nil)
        }
        return (shares, expected)
    }

    public func predict(_ invoice: CustomerInvoice, asOf: LocalDate) -> LatePaymentPrediction {
        let question = question(invoice, asOf: asOf)
        return predict(invoice, asOf: asOf, question, basisPoints: basisPoints(question))
    }

    /// The prediction for a probability already worked out (the worklist ranks on it before building predictions).
    func predict(_ invoice: CustomerInvoice, asOf: LocalDate, _ question: Question, basisPoints: Int) -> LatePaymentPrediction {
        let profile = question.profile
        let payDate = max(invoice.dueDate.adding(days: expectedLate(profile, overdue: question.overdue, threshold: question.threshold)), asOf.adding(days: 1))
        let usual = profile?.usualMinorUnits ?? 0
        let explanation = LateReason(recentCount: min(Self.quotedPayments, profile?.count ?? 0), recentRange: profile?.recentRange, graceDays: graceDays,
                                     overdueDays: question.overdue, thresholdDays: question.threshold, priorShare: question.prior,
                                     timesUsualAmount: question.large ? Double(invoice.total.minorUnits) / Double(usual) : nil,
                                     largeInvoiceOddsRatio: question.large && question.overdue == 0 ? largeEffect.oddsRatio : nil,
                                     creditNoteOddsRatio: question.afterCreditNote && question.overdue == 0 ? creditNoteEffect.oddsRatio : nil)
        return LatePaymentPrediction(invoice: invoice, probabilityBasisPoints: basisPoints, predictedPayDate: payDate,
                                     cashAtRiskMinorUnits: Self.cashAtRisk(invoice, basisPoints),
                                     fromPrior: (profile?.count ?? 0) == 0, explanation: explanation)
    }

    /// An invoice read with more credit than it owes (a negative open amount) puts no cash at risk.
    static func cashAtRisk(_ invoice: CustomerInvoice, _ basisPoints: Int) -> Int64 { max(0, invoice.open.minorUnits) * Int64(basisPoints) / 10_000 }

    /// What a prediction asks about an invoice: days overdue, the threshold, the company's prior there, the customer's
    /// profile, and the signs on it (`InvoiceSigns`).
    struct Question {
        var overdue: Int
        var threshold: Int
        var prior: Double
        var profile: Profile?
        var large: Bool
        var afterCreditNote: Bool
    }

    func question(_ invoice: CustomerInvoice, asOf: LocalDate) -> Question {
        let overdue = max(0, invoice.dueDate.days(until: asOf))
        let profile = positions.position(of: invoice.customerID).map { profiles[$0] }
        return Question(overdue: overdue, threshold: overdue + graceDays, prior: priorShares[min(overdue, Self.tableDays)], profile: profile,
                        large: InvoiceSigns.isLarge(invoice.total.minorUnits, usual: profile?.usualMinorUnits ?? 0),
                        afterCreditNote: profile.map { InvoiceSigns.hadCreditNote(before: invoice.dueDate, in: $0.creditNotes, of: creditNoteDays) } ?? false)
    }

    /// The probability in basis points: paid more than the threshold late, among the customer's payments at least `overdue`
    /// late, invoices still open past the threshold counting as late too; pulled toward the prior; for an invoice not yet
    /// overdue with a sign on it, weighed by what the company's invoices with that sign showed (`OddsEffect`, learned on that question).
    func basisPoints(_ question: Question) -> Int {
        var late = 0.0, atRisk = 0.0
        if let profile = question.profile {
            let knownLate = Double(openDays.countAbove(question.threshold, in: profile.open))
            late = weightPaid(profile, laterThan: question.threshold) + knownLate
            atRisk = (question.overdue == 0 ? profile.total : weightPaid(profile, laterThan: question.overdue - 1)) + knownLate
        }
        var probability = (late + priorWeight * question.prior) / (atRisk + priorWeight)
        if question.overdue == 0 {
            if question.large { probability = largeEffect.adjusted(probability) }
            if question.afterCreditNote { probability = creditNoteEffect.adjusted(probability) }
        }
        return Int((probability * 10_000).rounded())
    }

    /// The weight of the customer's payments more than `days` late.
    func weightPaid(_ profile: Profile, laterThan days: Int) -> Double {
        stepLate[profile.lateStart + stepDays.firstAbove(days, in: profile.steps) - profile.steps.lowerBound]
    }

    /// The days late expected: the median of the customer's payments at least `overdue` late, pulled toward the
    /// company's as the prior weighs; with neither, the threshold itself.
    func expectedLate(_ profile: Profile?, overdue: Int, threshold: Int) -> Int {
        let company = companyExpectedLate[min(overdue, Self.tableDays)]
        guard let profile else { return company ?? threshold }
        let first = overdue == 0 ? profile.paid.lowerBound : paidDays.firstAbove(overdue - 1, in: profile.paid)
        let own = profile.paid.upperBound - first
        guard own > 0 else { return company ?? threshold }
        let median = Double(paidDays[(first + profile.paid.upperBound) / 2]), weight = Double(own)
        return Int(((weight * median + priorWeight * Double(company ?? threshold)) / (weight + priorWeight)).rounded())
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
    public init(history: [CustomerInvoice], creditNotes: [CustomerCreditNote] = [], knownOn: LocalDate? = nil, rules: DelayModelRules) {
        self.init(history: history, creditNotes: creditNotes, knownOn: knownOn, graceDays: rules.graceDays, priorWeight: Double(rules.priorWeight),
                  halfLife: Double(rules.halfLifeInvoices))
    }
}
