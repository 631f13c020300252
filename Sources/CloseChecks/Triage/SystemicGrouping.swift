import Ledger

/// Findings of one check that share one cause become one finding whose records are all of theirs, with the
/// count, the total and a message that names the cause and the choice. The causes, most specific first: entries
/// created on one day by one user (a bulk import), one journal's unreconciled statement lines (a feed to
/// reconcile, or an abandoned one when they span months), lines of one account and partner (a pattern repeated);
/// then, for entries no narrower cause took, one bank, cash or card journal (whose entries carry the bank's dates
/// and habits, not a person's: card takings on their weekend value dates). Blocking findings are never folded into
/// a group.
struct SystemicGrouping {
    let facts: RecordFacts
    let rules: TriageRules

    /// The findings with every systemic set replaced by one finding at the place of its first member.
    func apply(_ findings: [Finding]) -> [Finding] {
        var replaced: [Int: Finding] = [:], folded = Set<Int>()
        var open = findings.indices.filter { findings[$0].severity != .blocking && findings[$0].records.count == 1 }
        for breadth in Cause.Breadth.allCases {
            var members: [Cause: [Int]] = [:]
            for index in open {
                if let cause = cause(of: findings[index], breadth: breadth) { members[cause, default: []].append(index) }
            }
            for (cause, indexes) in members where indexes.count >= rules.systemicMinFindings {
                guard let grouped = group(indexes.map { findings[$0] }, cause: cause) else { continue }
                replaced[indexes[0]] = grouped
                folded.formUnion(indexes.dropFirst())
            }
            open.removeAll { replaced[$0] != nil || folded.contains($0) }
        }
        return findings.indices.compactMap { folded.contains($0) ? nil : replaced[$0] ?? findings[$0] }
    }

    /// What a finding's records have in common with others of its check, when its records say.
    enum Cause: Hashable {
        case createdTogether(check: String, day: LocalDate, userID: Int, userName: String)
        case statementFeed(check: String, journalID: Int)
        case accountPartner(check: String, accountID: Int, partnerID: Int?)
        case bankJournalHabit(check: String, journalID: Int)

        /// Narrow causes are tried first; a broad one only takes what no narrow one grouped.
        enum Breadth: CaseIterable { case narrow, broad }

        /// A pattern a controller confirms once (an import, a journal's habit) rather than work to do.
        var isPattern: Bool {
            switch self {
            case .createdTogether, .bankJournalHabit: true
            case .statementFeed, .accountPartner: false
            }
        }
    }

    func cause(of finding: Finding, breadth: Cause.Breadth) -> Cause? {
        guard let record = finding.records.first else { return nil }
        let context = facts.context
        switch (record.model, breadth) {
        case ("account.move", .narrow):
            guard let move = context.move(id: record.id), let user = move.audit.createdBy else { return nil }
            return .createdTogether(check: finding.checkID, day: move.audit.createdAt.date, userID: user.id, userName: user.name)
        case ("account.move", .broad):
            guard let move = context.move(id: record.id), let journal = context.journal(id: move.journalID),
                  [JournalType.bank, .cash, .creditCard].contains(journal.type) else { return nil }
            return .bankJournalHabit(check: finding.checkID, journalID: move.journalID)
        case ("account.bank.statement.line", .narrow):
            return facts.statementLine(record.id).map { .statementFeed(check: finding.checkID, journalID: $0.journalID) }
        case ("account.move.line", .narrow):
            return facts.line(record.id).map { .accountPartner(check: finding.checkID, accountID: $0.accountID, partnerID: $0.partnerID) }
        default:
            return nil
        }
    }

    /// One finding for the set, or nil when the set is not systemic after all.
    func group(_ findings: [Finding], cause: Cause) -> Finding? {
        let context = facts.context
        let total = context.money(findings.compactMap(facts.amount(of:)).reduce(0, +))
        let count = findings.count
        let title = CheckRegistry.check(id: findings[0].checkID)?.title ?? AnomalyRegistry.detector(id: findings[0].checkID)?.title ?? findings[0].checkID
        let message: String
        var evidence = ["grouped": String(count), "total": total.decimalText]
        switch cause {
        case .createdTogether(_, let day, _, let user):
            message = "\(count) entries\(dateSpan(findings)) were created on \(day) by \(user), for \(total) in all — a bulk import? "
                + "Confirm and dismiss them together, or review them one by one (\(findings[0].checkID))."
            evidence["createdOn"] = day.description
            evidence["createdBy"] = user
        case .statementFeed(_, let journalID):
            let dates = findings.compactMap { $0.records.first.flatMap { facts.statementLine($0.id)?.date } }
            guard let first = dates.min(), let last = dates.max() else { return nil }
            let months = AnomalyMath.monthIndex(last) - AnomalyMath.monthIndex(first) + 1
            let journal = journalName(journalID)
            message = months >= rules.abandonedFeedMonths
                ? "\(count) statement lines of \(journal) are unreconciled, from \(first) to \(last) (\(months) months), for \(total) in all "
                    + "— an abandoned bank feed? Reconcile them, or archive the feed and say why."
                : "\(count) statement lines of \(journal) are not reconciled yet, from \(first) to \(last), for \(total) in all: "
                    + "reconcile the feed (`closer reconcile` proposes the matches), oldest first."
            evidence["journal"] = context.journalCode(journalID)
            evidence["from"] = first.description
            evidence["to"] = last.description
        case .accountPartner(_, let accountID, let partnerID):
            let partner = partnerID.map { " with \(context.partnerName($0))" } ?? ""
            message = "\(count) lines on \(context.accountName(accountID))\(partner) repeat one pattern (\(title.lowercased())), for \(total) in all: "
                + "fix it at its source (a product, a fiscal position, a recurring entry) and review them, or dismiss them together."
            evidence["account"] = context.accountName(accountID)
            if let partnerID { evidence["partner"] = context.partnerName(partnerID) }
        case .bankJournalHabit(_, let journalID):
            message = "\(count) entries of \(journalName(journalID))\(dateSpan(findings)) are \(title.lowercased()), for \(total) in all "
                + "— the bank's own dates and habits? Confirm and dismiss them together, or review them one by one."
            evidence["journal"] = context.journalCode(journalID)
        }
        if cause.isPattern { evidence["pattern"] = "confirm once" }
        let severity = findings.map(\.severity).min()!
        return Finding(checkID: findings[0].checkID, severity: severity, period: findings[0].period, company: findings[0].company,
                       records: findings.flatMap(\.records), message: message, evidence: evidence)
    }

    func journalName(_ id: Int) -> String {
        facts.context.journal(id: id).map { "\($0.name) (\($0.code))" } ?? "journal \(id)"
    }

    /// " dated 2026-10-03…2026-10-25" for entries, empty when none of them is known.
    func dateSpan(_ findings: [Finding]) -> String {
        let dated = Set(findings.compactMap { $0.records.first.flatMap { facts.context.move(id: $0.id)?.date } })
        guard let first = dated.min(), let last = dated.max() else { return "" }
        return " dated \(first)" + (last == first ? "" : "…\(last)")
    }
}
