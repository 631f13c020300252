import Ledger

/// Checks whose premise the company does not share say so once instead of firing per record: analytic
/// distributions missing in a company whose history never used analytic accounting, journals that never held an
/// entry, weekend postings in a journal that routinely books at the weekend. The premise is read from the
/// company's own history (posted entries dated before the period); the folded findings' records stay on the one
/// advisory, so nothing is lost and the check comes back by itself once the history shares the premise.
struct CompanyPremises {
    let context: CheckContext
    let rules: TriageRules
    /// Users that are not people, whose postings say nothing about the company's habits.
    let systemUserIDs: Set<Int>

    /// A premise the company does not share: the check, the findings of it that rest on the premise, and why.
    struct Unshared {
        var checkID: String
        var folds: (Finding) -> Bool
        var reason: String
    }

    func apply(_ findings: [Finding]) -> [Finding] {
        guard rules.checkPremises else { return findings }
        var result = findings
        for premise in unsharedPremises(findings) {
            let folded = result.filter { $0.checkID == premise.checkID && premise.folds($0) }
            guard !folded.isEmpty, !folded.contains(where: { $0.severity == .blocking }),
                  let first = result.firstIndex(where: { $0.checkID == premise.checkID && premise.folds($0) }) else { continue }
            let note = advisory(premise, folded: folded)
            result = result.enumerated().compactMap { index, finding in
                index == first ? note : finding.checkID == premise.checkID && premise.folds(finding) ? nil : finding
            }
        }
        return result
    }

    func advisory(_ premise: Unshared, folded: [Finding]) -> Finding {
        let noun = folded.count == 1 ? "finding" : "findings"
        return Finding(
            checkID: premise.checkID, severity: .advisory, period: context.period, company: context.companyRecord, records: folded.flatMap(\.records),
            message: "\(premise.reason), so \(premise.checkID)'s \(folded.count) \(noun) are folded into this note. If the check should apply "
                + "anyway, set `triage.check_premises: false` in the rule set; to stop it, add \(premise.checkID) to `disabled_checks`.",
            evidence: ["premise": "not shared", "folded": String(folded.count)])
    }

    func unsharedPremises(_ findings: [Finding]) -> [Unshared] {
        let checks = Set(findings.map(\.checkID))
        var unshared: [Unshared] = []
        if checks.contains("missing-analytic"), let reason = analyticNeverUsed() {
            unshared.append(Unshared(checkID: "missing-analytic", folds: { _ in true }, reason: reason))
        }
        if checks.contains("weekend-posting") {
            for (journalID, reason) in weekendsRoutine() {
                unshared.append(Unshared(checkID: "weekend-posting", folds: { finding in
                    finding.records.allSatisfy { $0.model == "account.move" && context.move(id: $0.id)?.journalID == journalID }
                }, reason: reason))
            }
        }
        if checks.contains("journal-without-entries") {
            let never = journalsNeverUsed()
            if !never.isEmpty {
                let names = context.snapshot.journals.filter { never.contains($0.id) }.map(\.code).sorted().joined(separator: ", ")
                unshared.append(Unshared(
                    checkID: "journal-without-entries",
                    folds: { finding in finding.records.allSatisfy { $0.model == "account.journal" && never.contains($0.id) } },
                    reason: "No entry was ever posted in \(never.count == 1 ? "journal" : "journals") \(names), so \(never.count == 1 ? "it is" : "they are") not in use"))
            }
        }
        return unshared
    }

    /// Why analytic accounting is not the company's practice: no line in its history carries a distribution.
    func analyticNeverUsed() -> String? {
        let start = context.period.start
        var history = 0
        var first: LocalDate?
        let lines = context.snapshot.lines
        for index in lines.indices {
            if !(lines[index].analytic?.shares.isEmpty ?? true) { return nil }
            let date = lines[index].date
            if date < start {
                history += 1
                first = min(first ?? date, date)
            }
        }
        guard history > 0, let first else { return nil }
        return "The company has never used analytic accounting: none of its \(history) earlier lines (since \(first)) carries an analytic distribution"
    }

    /// The journals in which weekend postings are a habit, each with why: a share of its earlier entries keyed in by
    /// people were dated or keyed in at the weekend (a bank journal booking card payments on their value dates, say).
    /// Per journal, so one journal's habit does not hide a weekend entry in another.
    func weekendsRoutine() -> [(journalID: Int, reason: String)] {
        let start = context.period.start
        let journals = context.snapshot.journals, moves = context.snapshot.moves
        var entries = [Int](repeating: 0, count: journals.count), weekend = entries
        for index in moves.indices where moves[index].state == .posted && moves[index].date < start {
            guard let userID = moves[index].audit.createdBy?.id, !systemUserIDs.contains(userID),
                  let position = context.journalIndex[moves[index].journalID] else { continue }
            entries[position] += 1
            if moves[index].date.isWeekend || moves[index].audit.createdAt.date.isWeekend { weekend[position] += 1 }
        }
        return journals.indices.compactMap { position in
            guard entries[position] >= 20, weekend[position] * 100 >= rules.weekendRoutinePercent * entries[position] else { return nil }
            let journal = journals[position]
            return (journal.id, "\(journal.name) (\(journal.code)) routinely books at the weekend: \(weekend[position]) of its \(entries[position]) earlier "
                + "entries were dated or keyed in on a Saturday or Sunday (at least \(rules.weekendRoutinePercent) % is routine)")
        }
    }

    /// Journals with no posted entry in the whole pulled history.
    func journalsNeverUsed() -> Set<Int> {
        let moves = context.snapshot.moves
        var used = [Bool](repeating: false, count: context.snapshot.journals.count)
        for index in moves.indices where moves[index].state == .posted {
            if let position = context.journalIndex[moves[index].journalID] { used[position] = true }
        }
        return Set(context.snapshot.journals.indices.filter { !used[$0] }.map { context.snapshot.journals[$0].id })
    }
}
