import Ledger

/// Checks on whole entries: state, dates, lock dates and balance.
extension Check {
    static let draftInPeriod = Check(id: "draft-in-period", title: "Draft entries dated in the period",
        explanation: "Entries still in draft whose date falls in the period. Drafts are not in the ledger yet, so reports "
            + "built now will change when they are posted.",
        severity: .blocking) { context in
        let period = context.period
        let moves = context.snapshot.moves
        return moves.indices.compactMap { position in
            guard moves[position].state == .draft, period.contains(moves[position].date) else { return nil }
            return context.issue(moves[position], "Draft entry \(context.describe(moves[position])) is dated in \(period): post it or delete it before closing.",
                                 evidence: ["journal": context.journalCode(moves[position].journalID), "state": moves[position].state.rawValue])
        }
    }

    static let postedAfterLock = Check(id: "posted-after-lock", title: "Entries posted into a locked period",
        explanation: "Posted entries dated on or before a lock date (fiscal year, hard or period lock) but created after "
            + "it: they changed figures that were already closed and reported.",
        severity: .blocking) { context in
        let locks = context.snapshot.company.lockDates
        let candidates: [(String, LocalDate)] = [("fiscal year", locks.fiscalYear), ("hard", locks.hard), ("period", locks.period)]
            .compactMap { name, date in date.map { (name, $0) } }
            .sorted { $0.1 > $1.1 }
        guard !candidates.isEmpty else { return [] }
        let moves = context.snapshot.moves
        return moves.indices.compactMap { position in
            guard moves[position].state == .posted else { return nil }
            let created = moves[position].audit.createdAt.date
            // The latest lock date the entry is dated on or before and was created after (after that day ended).
            guard let (kind, lock) = candidates.first(where: { moves[position].date <= $0.1 && created > $0.1 }) else { return nil }
            return context.issue(moves[position], "Entry \(context.describe(moves[position])) was created on \(created), after the \(kind) lock date \(lock), "
                                     + "but is dated before it: reverse it and book the correction in an open period, or have a controller confirm it.",
                                 evidence: ["createdAt": moves[position].audit.createdAt.description, "lockDate": lock.description, "lock": kind])
        }
    }

    static let unbalancedEntry = Check(id: "unbalanced-entry", title: "Posted entries whose debits and credits differ",
        explanation: "Posted entries whose lines' debits and credits do not add up to the same amount in the company "
            + "currency. Odoo refuses such entries; one here means data was altered outside the application.",
        severity: .blocking) { context in
        let lines = context.snapshot.lines
        var issues: [Issue] = []
        for (position, move) in context.snapshot.moves.enumerated() where move.state == .posted {
            var debit: Int64 = 0, credit: Int64 = 0
            for index in context.lineRanges[position] {
                debit += lines[index].debit.minorUnits
                credit += lines[index].credit.minorUnits
            }
            guard debit != credit else { continue }
            let difference = context.money(debit - credit).magnitude
            issues.append(Issue(
                records: [context.record(move)],
                message: "Entry \(context.describe(move)) is unbalanced: debits \(context.money(debit)) against credits \(context.money(credit)) "
                    + "(\(debit > credit ? "debits" : "credits") exceed by \(difference)): correct its lines so they balance.",
                evidence: ["debit": context.money(debit).decimalText, "credit": context.money(credit).decimalText,
                           "difference": context.money(debit - credit).decimalText]))
        }
        return issues
    }

    static let lineDebitAndCredit = Check(id: "line-debit-and-credit", title: "Lines with both a debit and a credit",
        explanation: "Lines that carry both a debit and a credit amount. Odoo keeps one side per line; both sides hide "
            + "the real amount from reports and reconciliation.",
        severity: .blocking) { context in
        let lines = context.snapshot.lines
        var issues: [Issue] = []
        let moves = context.snapshot.moves
        for position in moves.indices where moves[position].state != .cancelled {
            for index in context.lineRanges[position] where lines[index].debit.minorUnits > 0 && lines[index].credit.minorUnits > 0 {
                let line = lines[index]
                issues.append(Issue(
                    records: [context.record(line)],
                    message: "The \(context.describe(line, of: moves[position])) carries both a debit of \(line.debit) and a credit of \(line.credit): "
                        + "net it to one side (\(line.balance.magnitude) \(line.balance.isNegative ? "credit" : "debit")).",
                    evidence: ["debit": line.debit.decimalText, "credit": line.credit.decimalText, "move": moves[position].name]))
            }
        }
        return issues
    }

    static let futureDatedEntry = Check(id: "future-dated-entry", title: "Posted entries dated after the close date",
        explanation: "Posted entries dated after the close date, often a mistyped year. Closer pulls everything dated "
            + "after the period so these are seen.",
        severity: .warning) { context in
        let asOf = context.asOf
        let moves = context.snapshot.moves
        return moves.indices.compactMap { position in
            guard moves[position].state == .posted, moves[position].date > asOf else { return nil }
            return context.issue(moves[position], "Entry \(context.describe(moves[position])) is dated \(moves[position].date), after \(asOf): check the date (a mistyped year?) "
                                     + "and correct it, or confirm it belongs to that later period.",
                                 evidence: ["asOf": asOf.description, "createdAt": moves[position].audit.createdAt.description])
        }
    }

    static let latePosting = Check(id: "late-posting", title: "Entries dated in the period but created after it ended",
        explanation: "Entries dated in the period but created after it ended (plus the rule set's late_posting_grace_days, or "
            + "the lag the company's own history shows when the rule set says `learned`): figures already reported may have changed.",
        severity: .warning) { context in
        let period = context.period
        let learned = context.rules.latePostingGraceDays == nil ? LatePostingLag(context) : nil
        let cutoff = period.end.adding(days: context.rules.latePostingGraceDays ?? learned?.days ?? 0)
        let usual = learned.flatMap { $0.days > 0 ? " and after the \($0.days) days the company usually takes (\(LatePostingLag.share) % of its "
            + "\($0.entries) earlier entries were keyed in by then)" : nil } ?? ""
        let moves = context.snapshot.moves
        return moves.indices.compactMap { position in
            guard moves[position].state == .posted, period.contains(moves[position].date), moves[position].audit.createdAt.date > cutoff else { return nil }
            var evidence = ["createdAt": moves[position].audit.createdAt.description, "cutoff": cutoff.description]
            if let learned { evidence["learnedGraceDays"] = String(learned.days) }
            return context.issue(moves[position], "Entry \(context.describe(moves[position])) was created on \(moves[position].audit.createdAt.date), after \(period) ended\(usual): "
                                     + "confirm it belongs in \(period) and that reports already sent are updated, or re-date it.",
                                 evidence: evidence)
        }
    }
}

extension CheckContext {
    /// An issue about one entry, with its date as evidence.
    func issue(_ move: Move, _ message: String, evidence: [String: String]) -> Issue {
        Issue(records: [record(move)], message: message, evidence: evidence.merging(["date": move.date.description]) { own, _ in own })
    }
}
