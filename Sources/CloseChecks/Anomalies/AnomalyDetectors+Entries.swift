import Ledger

/// Detectors on whole entries: duplicate bills, round manual amounts, weekend postings, unusual users, missing recurring bills.
extension AnomalyDetector {
    static let duplicateVendorBill = AnomalyDetector(id: "duplicate-vendor-bill", title: "Vendor bills entered twice",
        explanation: "Two vendor bills from the same vendor with nearly the same total, close dates and a nearly "
            + "identical reference: the same invoice keyed twice.") { context, limits in
        let period = context.period
        let earliest = period.start.adding(days: -limits.duplicateMaxDays)
        // Posted vendor bills near or in the period, grouped by partner, sorted by date.
        var byPartner: [Int: [Int]] = [:]
        let moves = context.snapshot.moves
        for position in moves.indices
        where moves[position].type == .vendorBill && moves[position].state == .posted && moves[position].date >= earliest && moves[position].date <= period.end {
            guard let partner = moves[position].partnerID else { continue }
            byPartner[partner, default: []].append(position)
        }
        var anomalies: [Anomaly] = []
        for (_, positions) in byPartner.sorted(by: { $0.key < $1.key }) where positions.count > 1 {
            let sorted = positions.sorted { (moves[$0].date, moves[$0].id) < (moves[$1].date, moves[$1].id) }
            let refs = sorted.map { AnomalyMath.normalizedReference(moves[$0].ref ?? "") }
            for i in sorted.indices {
                var j = i + 1
                while j < sorted.count, moves[sorted[i]].date.days(until: moves[sorted[j]].date) <= limits.duplicateMaxDays {
                    defer { j += 1 }
                    let a = moves[sorted[i]], b = moves[sorted[j]]
                    guard period.contains(a.date) || period.contains(b.date), !refs[i].isEmpty, !refs[j].isEmpty else { continue }
                    let ta = Swift.abs(a.amountTotal.minorUnits), tb = Swift.abs(b.amountTotal.minorUnits)
                    let larger = max(ta, tb)
                    guard larger > 0, Double(Swift.abs(ta - tb)) <= limits.duplicateTotalTolerance * Double(larger) else { continue }
                    let distance = AnomalyMath.editDistance(refs[i], refs[j], limit: limits.duplicateMaxEditDistance)
                    guard distance <= limits.duplicateMaxEditDistance else { continue }
                    guard !limits.duplicateOneFieldRetyped || ta == tb || distance == 0 else { continue }
                    let days = a.date.days(until: b.date)
                    let amountGap = Double(Swift.abs(ta - tb)) / Double(larger)
                    // Closer on every axis → higher score.
                    let closeness = (1 - amountGap / max(limits.duplicateTotalTolerance, 1e-9))
                        + (1 - Double(days) / Double(max(limits.duplicateMaxDays, 1)))
                        + (1 - Double(distance) / Double(limits.duplicateMaxEditDistance + 1))
                    let score = min(1, 0.5 + closeness / 6)
                    let partner = context.partnerName(a.partnerID ?? 0)
                    anomalies.append(Anomaly(
                        records: [context.record(a), context.record(b)],
                        message: "Bills \(context.describe(a)) and \(context.describe(b)) from \(partner) look like the same supplier invoice "
                            + "entered twice (references '\(a.ref ?? "")' and '\(b.ref ?? "")'): compare them with the supplier's document "
                            + "and cancel or credit the duplicate before it is paid.",
                        score: score,
                        reason: "same vendor, totals \(context.amountText(ta)) and \(context.amountText(tb)) "
                            + "(\(AnomalyMath.format(amountGap * 100, decimals: 2)) % apart), dated \(days) days apart, "
                            + "references \(distance) edit\(distance == 1 ? "" : "s") apart",
                        evidence: ["partner": partner, "refs": "\(a.ref ?? "") | \(b.ref ?? "")",
                                   "totals": "\(a.amountTotal.decimalText) | \(b.amountTotal.decimalText)"]))
                }
            }
        }
        return anomalies
    }

    static let roundAmountManualEntry = AnomalyDetector(id: "round-amount-manual-entry",
                                                         title: "Large round amounts in manual entries",
        explanation: "Manual entries whose largest line is a large round amount, unless the same amount was booked in "
            + "earlier months (a recurring allocation).") { context, limits in
        let period = context.period
        let unit = limits.roundUnit * context.minorPerUnit, minimum = limits.roundMinimum * context.minorPerUnit
        let general = Set(context.snapshot.journals.filter { $0.type == .general }.map(\.id))
        let lines = context.snapshot.lines
        // Largest line per general-journal posted move; history months per amount.
        var monthsByAmount: [Int64: Set<Int>] = [:]
        var candidates: [(position: Int, amount: Int64)] = []
        for (position, move) in context.snapshot.moves.enumerated() where move.state == .posted && general.contains(move.journalID) {
            guard move.date <= period.end else { continue }
            var largest: Int64 = 0
            for index in context.lineRanges[position] { largest = max(largest, context.magnitude(lines[index])) }
            if move.date < period.start {
                monthsByAmount[largest, default: []].insert(AnomalyMath.monthIndex(move.date))
            } else if largest >= minimum, unit > 0, largest % unit == 0 {
                candidates.append((position, largest))
            }
        }
        return candidates.compactMap { position, amount in
            let months = monthsByAmount[amount]?.count ?? 0
            guard months < limits.roundRecurringMonths else { return nil }
            let move = context.snapshot.moves[position]
            let trailingZeros = { () -> Int in var n = amount / context.minorPerUnit, z = 0; while n > 0 && n % 10 == 0 { n /= 10; z += 1 }; return z }()
            let score = min(1, 0.5 + 0.1 * Double(trailingZeros) + 0.1 * Double(amount) / Double(max(minimum, 1)) / 10)
            return Anomaly(
                records: [context.record(move)],
                message: "Manual entry \(context.describe(move)) books exactly \(context.money(amount)) by \(move.audit.createdBy?.name ?? "an unknown user"): "
                    + "ask for the calculation or document behind the amount and who approved it.",
                score: score,
                reason: "largest line \(context.amountText(amount)) is a round multiple of \(context.amountText(unit)) in a general journal, "
                    + "and that amount was booked in \(months) earlier month\(months == 1 ? "" : "s") (recurring needs \(limits.roundRecurringMonths))",
                evidence: ["amount": context.money(amount).decimalText, "journal": context.journalCode(move.journalID),
                           "priorMonths": String(months)])
        }
    }

    static let weekendPosting = AnomalyDetector(id: "weekend-posting", title: "Entries dated or keyed in at the weekend",
        explanation: "Entries dated or keyed in on a Saturday or Sunday by a person (system users excluded).") { context, limits in
        let period = context.period
        let moves = context.snapshot.moves
        return moves.indices.compactMap { position in
            guard moves[position].state == .posted, period.contains(moves[position].date), let user = moves[position].audit.createdBy,
                  !limits.systemUserIDs.contains(user.id) else { return nil }
            let created = moves[position].audit.createdAt.date
            guard moves[position].date.isWeekend || created.isWeekend else { return nil }
            let both = moves[position].date.isWeekend && created.isWeekend
            let dayName = { (date: LocalDate) in date.isoWeekday == 6 ? "Saturday" : "Sunday" }
            var facts: [String] = []
            if moves[position].date.isWeekend { facts.append("dated \(dayName(moves[position].date)) \(moves[position].date)") }
            if created.isWeekend { facts.append("keyed in by \(user.name) on \(dayName(created)) \(moves[position].audit.createdAt)") }
            return Anomaly(
                records: [context.record(moves[position])],
                message: "Entry \(context.describe(moves[position])) was \(facts.joined(separator: " and ")): confirm with \(user.name) that it is genuine "
                    + "and supported by a document.",
                score: both ? 0.8 : 0.6,
                reason: facts.joined(separator: ", ") + "; the business books on working days",
                evidence: ["date": moves[position].date.description, "createdAt": moves[position].audit.createdAt.description, "user": user.name])
        }
    }

    static let unusualUserJournal = AnomalyDetector(id: "unusual-user-journal", title: "Users posting to journals they never used",
        explanation: "Entries posted by a user who never posted to that journal before, in a journal with enough history "
            + "to know its usual users.") { context, limits in
        let period = context.period
        var historyMoves: [Int: Int] = [:]
        var pairs: Set<Int64> = []
        let moves = context.snapshot.moves
        for position in moves.indices where moves[position].state == .posted && moves[position].date < period.start {
            historyMoves[moves[position].journalID, default: 0] += 1
            if let user = moves[position].audit.createdBy { pairs.insert(Int64(moves[position].journalID) << 32 | Int64(user.id)) }
        }
        var usersByJournal: [Int: Set<String>] = [:]
        return context.snapshot.moves.compactMap { move in
            guard move.state == .posted, period.contains(move.date), let user = move.audit.createdBy,
                  !limits.systemUserIDs.contains(user.id) else { return nil }
            let count = historyMoves[move.journalID] ?? 0
            guard count >= limits.unusualUserMinJournalMoves, !pairs.contains(Int64(move.journalID) << 32 | Int64(user.id)) else { return nil }
            if usersByJournal[move.journalID] == nil {
                var names: Set<String> = []
                for other in context.snapshot.moves where other.journalID == move.journalID && other.state == .posted && other.date < period.start {
                    if let name = other.audit.createdBy?.name { names.insert(name) }
                }
                usersByJournal[move.journalID] = names
            }
            let journal = context.journalCode(move.journalID)
            let usual = (usersByJournal[move.journalID] ?? []).sorted().joined(separator: ", ")
            return Anomaly(
                records: [context.record(move)],
                message: "\(user.name) created \(context.describe(move)), but has never created an entry in \(journal) before: "
                    + "check that the entry is authorised and belongs in that journal.",
                score: AnomalyMath.score(excess: Double(count) / Double(max(limits.unusualUserMinJournalMoves, 1))),
                reason: "none of the \(count) earlier entries in \(journal) was created by \(user.name) (usually: \(usual.isEmpty ? "nobody named" : usual))",
                evidence: ["user": user.name, "journal": journal, "historyMoves": String(count)])
        }
    }

    static let missingRecurringBill = AnomalyDetector(id: "missing-recurring-bill", title: "Recurring vendor bills missing this period",
        explanation: "Vendors that billed in most recent months but have no bill this period, with the expected amount "
            + "from their latest bills (a candidate accrual).") { context, limits in
        let period = context.period
        let periodMonth = AnomalyMath.monthIndex(period.start)
        let firstMonth = periodMonth - limits.recurringLookbackMonths
        let lines = context.snapshot.lines
        var months: [Int: Set<Int>] = [:]
        var billsInPeriod: Set<Int> = []
        var recent: [Int: [(date: LocalDate, id: Int, untaxed: Int64)]] = [:]
        for (position, move) in context.snapshot.moves.enumerated() where move.type == .vendorBill && move.state != .cancelled {
            guard let partner = move.partnerID else { continue }
            if period.contains(move.date) { billsInPeriod.insert(partner); continue }
            guard move.state == .posted, move.date < period.start else { continue }
            let month = AnomalyMath.monthIndex(move.date)
            guard month >= firstMonth else { continue }
            months[partner, default: []].insert(month)
            var untaxed: Int64 = 0
            for index in context.lineRanges[position] where context.isBodyLine(lines[index]) { untaxed += lines[index].debit.minorUnits - lines[index].credit.minorUnits }
            recent[partner, default: []].append((move.date, move.id, untaxed))
        }
        return months.keys.sorted().compactMap { partner in
            let count = months[partner]!.count
            guard count >= limits.recurringMinMonths, !billsInPeriod.contains(partner) else { return nil }
            let last = recent[partner, default: []].sorted { ($0.date, $0.id) > ($1.date, $1.id) }.prefix(max(1, limits.recurringExpectedBills))
            let expected = context.money(last.reduce(0) { $0 + $1.untaxed } / Int64(last.count))
            let name = context.partnerName(partner)
            return Anomaly(
                records: [context.record(partner: partner)],
                message: "No bill from \(name) is dated in \(period), though it billed in \(count) of the \(limits.recurringLookbackMonths) months before: "
                    + "ask for the missing bill or accrue about \(expected) before tax.",
                score: Double(count) / Double(max(limits.recurringLookbackMonths, 1)),
                reason: "billed in \(count) of the last \(limits.recurringLookbackMonths) months, none in \(period); "
                    + "the last \(last.count) bills averaged \(context.amountText(expected.minorUnits)) before tax",
                evidence: ["partner": name, "expected": expected.description, "monthsBilled": String(count)])
        }
    }
}
