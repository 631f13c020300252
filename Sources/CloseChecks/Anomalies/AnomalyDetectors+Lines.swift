import Ledger

/// Detectors on lines: amounts far from an account's baseline, new account/partner pairs, Benford's law.
extension AnomalyDetector {
    static let unusualAmount = AnomalyDetector(id: "unusual-amount", title: "Expense amounts far above the account's usual",
        explanation: "Expense lines far above what the account usually carries, measured by a robust z-score (median and "
            + "MAD) over the company's history.") { context, limits in
        let period = context.period
        let lines = context.snapshot.lines
        let isExpense = context.snapshot.accounts.map { $0.code.hasPrefix("6") }
        // One pass: history amounts per account position, period candidates.
        var history: [[Int64]] = Array(repeating: [], count: context.snapshot.accounts.count)
        var candidates: [(line: Int, move: Int, account: Int)] = []
        let moves = context.snapshot.moves
        for position in moves.indices where moves[position].state == .posted && moves[position].date <= period.end {
            let inPeriod = moves[position].date >= period.start
            for index in context.lineRanges[position] {
                guard let account = context.accountIndex[lines[index].accountID], isExpense[account] else { continue }
                let amount = lines[index].debit.minorUnits - lines[index].credit.minorUnits
                guard amount > 0 else { continue }
                if inPeriod { candidates.append((index, position, account)) } else { history[account].append(amount) }
            }
        }
        var baselines: [Int: (median: Double, mad: Double)] = [:]
        var anomalies: [Anomaly] = []
        for (index, position, account) in candidates where history[account].count >= limits.unusualMinHistoryLines {
            let baseline = baselines[account] ?? {
                let median = AnomalyMath.median(history[account])
                let mad = AnomalyMath.median(history[account].map { Swift.abs(Double($0) - median) })
                return (median, mad)
            }()
            baselines[account] = baseline
            let line = lines[index]
            let amount = Double(line.debit.minorUnits - line.credit.minorUnits)
            // A zero MAD (identical history) falls back to 1 % of the median so that a change still counts.
            let spread = 1.4826 * max(baseline.mad, baseline.median * 0.01, 1)
            let z = (amount - baseline.median) / spread
            let multiple = baseline.median > 0 ? amount / baseline.median : .infinity
            guard z >= limits.unusualMinRobustZ, multiple >= limits.unusualMinMedianMultiple else { continue }
            let move = context.snapshot.moves[position]
            let accountName = context.accountName(line.accountID)
            let count = history[account].count
            anomalies.append(Anomaly(
                records: [context.record(line)],
                message: "The \(context.describe(line, of: move)) is \(line.balance) — far above what this account usually carries: "
                    + "check the quantity, price and supporting document, and whether it belongs on another account (an asset?).",
                score: AnomalyMath.score(excess: z / limits.unusualMinRobustZ),
                reason: "\(context.amountText(line.balance.minorUnits)) is \(AnomalyMath.format(multiple, decimals: 1))× the median of \(count) \(accountName) lines "
                    + "before \(period) (median \(context.amountText(Int64(baseline.median.rounded()))), MAD \(context.amountText(Int64(baseline.mad.rounded()))), "
                    + "robust z \(AnomalyMath.format(z, decimals: 1)))",
                evidence: ["amount": line.balance.decimalText, "median": context.money(Int64(baseline.median.rounded())).decimalText,
                           "mad": context.money(Int64(baseline.mad.rounded())).decimalText, "historyLines": String(count),
                           "robustZ": AnomalyMath.format(z, decimals: 2)]))
        }
        return anomalies
    }

    static let rareAccountPartner = AnomalyDetector(id: "rare-account-partner", title: "Partners booked to accounts they never used",
        explanation: "A partner booked to an account it has never used before, although it has a history with the company.") { context, limits in
        let period = context.period
        let lines = context.snapshot.lines
        let excludedAccount = context.accountExcludedFromPairs()
        let excludedJournal = Set(context.snapshot.journals.filter { $0.type == .bank || $0.type == .cash || $0.type == .creditCard }.map(\.id))
        var pairs: Set<Int64> = []
        var partnerLines: [Int: Int] = [:]
        var candidates: [(line: Int, move: Int)] = []
        for (position, move) in context.snapshot.moves.enumerated() where move.state == .posted && move.date <= period.end {
            let inPeriod = move.date >= period.start
            for index in context.lineRanges[position] {
                guard let partner = lines[index].partnerID else { continue }
                if !inPeriod {
                    partnerLines[partner, default: 0] += 1
                    pairs.insert(Int64(lines[index].accountID) << 32 | Int64(partner))
                } else if !excludedJournal.contains(move.journalID), lines[index].kind != .tax,
                          let account = context.accountIndex[lines[index].accountID], !excludedAccount[account] {
                    candidates.append((index, position))
                }
            }
        }
        return candidates.compactMap { index, position in
            let line = lines[index]
            let partner = line.partnerID!
            let count = partnerLines[partner] ?? 0
            guard count >= limits.rarePartnerMinHistoryLines, !pairs.contains(Int64(line.accountID) << 32 | Int64(partner)) else { return nil }
            let move = context.snapshot.moves[position]
            let name = context.partnerName(partner), accountName = context.accountName(line.accountID)
            return Anomaly(
                records: [context.record(line)],
                message: "The \(context.describe(line, of: move)) books \(name) to \(accountName) for the first time: "
                    + "check the account against the supplier's document (a miscoding?).",
                score: AnomalyMath.score(excess: Double(count) / Double(max(limits.rarePartnerMinHistoryLines, 1))),
                reason: "\(name) has \(count) lines before \(period), none on \(accountName)",
                evidence: ["partner": name, "account": accountName, "partnerHistoryLines": String(count), "amount": line.balance.decimalText])
        }
    }

    /// Benford's first-digit probabilities log10(1 + 1/d), d = 1…9.
    static let benford: [Double] = [0.30103, 0.17609, 0.12494, 0.09691, 0.07918, 0.06695, 0.05799, 0.05115, 0.04576]

    static let benfordDeviation = AnomalyDetector(id: "benford-deviation", title: "Vendor amounts that break Benford's law",
        explanation: "Vendors whose bill amounts' first digits depart from Benford's law by more than Nigrini's "
            + "conformity threshold (mean absolute deviation), allowing for small samples.") { context, limits in
        let period = context.period
        let lines = context.snapshot.lines
        var digits: [Int: [Int]] = [:]   // partner → counts of first digits 1…9 (index 0…8)
        let moves = context.snapshot.moves
        for position in moves.indices
        where (moves[position].type == .vendorBill || moves[position].type == .vendorRefund) && moves[position].state == .posted && moves[position].date <= period.end {
            for index in context.lineRanges[position] where context.isBodyLine(lines[index]) {
                guard let partner = lines[index].partnerID ?? moves[position].partnerID else { continue }
                var amount = context.magnitude(lines[index])
                guard amount > 0 else { continue }
                while amount >= 10 { amount /= 10 }
                digits[partner, default: Array(repeating: 0, count: 9)][Int(amount) - 1] += 1
            }
        }
        return digits.keys.sorted().compactMap { partner in
            let counts = digits[partner]!
            let n = counts.reduce(0, +)
            guard n >= limits.benfordMinLines else { return nil }
            var mad = 0.0
            for d in 0..<9 { mad += Swift.abs(Double(counts[d]) / Double(n) - benford[d]) }
            mad /= 9
            let expected = 0.235 / Double(n).squareRoot()
            let limit = max(limits.benfordMaxMAD, limits.benfordSamplingAllowance * expected)
            guard mad > limit else { return nil }
            let name = context.partnerName(partner)
            let top = (0..<9).sorted { counts[$0] > counts[$1] }.prefix(3).filter { counts[$0] > 0 }
            let topText = top.map { "\($0 + 1) (\(counts[$0]) of \(n), Benford \(AnomalyMath.format(benford[$0] * 100, decimals: 1)) %)" }.joined(separator: ", ")
            return Anomaly(
                records: [context.record(partner: partner)],
                message: "The bill amounts of \(name) do not follow Benford's law: review a sample of its bills against contracts and deliveries "
                    + "(invented or split amounts, prices just under an approval limit).",
                score: AnomalyMath.score(excess: mad / limit),
                reason: "first digits of \(n) bill lines deviate from Benford by MAD \(AnomalyMath.format(mad, decimals: 3)) "
                    + "(nonconformity above \(AnomalyMath.format(limits.benfordMaxMAD, decimals: 3)); chance level for \(n) lines ≈ \(AnomalyMath.format(expected, decimals: 3))); "
                    + "most common: \(topText)",
                evidence: ["partner": name, "lines": String(n), "mad": AnomalyMath.format(mad, decimals: 4),
                           "digits": counts.map(String.init).joined(separator: " ")])
        }
    }
}
