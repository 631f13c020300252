import Ledger

/// Findings of one check that share one cause become one finding whose records are all of theirs, with the
/// count, the total and a message that names the cause and the choice. The causes: entries created on one day
/// by one user (a bulk import), one journal's unreconciled statement lines spanning months (an abandoned feed),
/// lines of one account and partner (a pattern repeated). Blocking findings are never folded into a group.
struct SystemicGrouping {
    let facts: RecordFacts
    let rules: TriageRules

    /// The findings with every systemic set replaced by one finding at the place of its first member.
    func apply(_ findings: [Finding]) -> [Finding] {
        var members: [Cause: [Int]] = [:]
        for (index, finding) in findings.enumerated() where finding.severity != .blocking {
            if let cause = cause(of: finding) { members[cause, default: []].append(index) }
        }
        var replaced: [Int: Finding] = [:], folded = Set<Int>()
        for (cause, indexes) in members where indexes.count >= rules.systemicMinFindings {
            let group = indexes.map { findings[$0] }
            guard let grouped = self.group(group, cause: cause) else { continue }
            replaced[indexes[0]] = grouped
            folded.formUnion(indexes.dropFirst())
        }
        return findings.indices.compactMap { folded.contains($0) ? nil : replaced[$0] ?? findings[$0] }
    }

    /// What a finding's records have in common with others of its check, when its records say.
    enum Cause: Hashable {
        case createdTogether(check: String, day: LocalDate, userID: Int, userName: String)
        case statementFeed(check: String, journalID: Int)
        case accountPartner(check: String, accountID: Int, partnerID: Int?)
    }

    func cause(of finding: Finding) -> Cause? {
        guard finding.records.count == 1, let record = finding.records.first else { return nil }
        let context = facts.context
        switch record.model {
        case "account.move":
            guard let move = context.move(id: record.id), let user = move.audit.createdBy else { return nil }
            return .createdTogether(check: finding.checkID, day: move.audit.createdAt.date, userID: user.id, userName: user.name)
        case "account.bank.statement.line":
            return facts.statementLine(record.id).map { .statementFeed(check: finding.checkID, journalID: $0.journalID) }
        case "account.move.line":
            return facts.line(record.id).map { .accountPartner(check: finding.checkID, accountID: $0.accountID, partnerID: $0.partnerID) }
        default:
            return nil
        }
    }

    /// One finding for the set, or nil when the set is not systemic after all (a feed spanning too few months).
    func group(_ findings: [Finding], cause: Cause) -> Finding? {
        let context = facts.context
        let total = context.money(findings.compactMap(facts.amount(of:)).reduce(0, +))
        let count = findings.count
        let message: String
        var evidence = ["grouped": String(count), "total": total.decimalText]
        switch cause {
        case .createdTogether(_, let day, _, let user):
            let dated = Set(findings.compactMap { $0.records.first.flatMap { context.move(id: $0.id)?.date } })
            let span = dated.min().map { first in " dated \(first)" + (dated.max().map { $0 == first ? "" : "…\($0)" } ?? "") } ?? ""
            message = "\(count) entries\(span) were created on \(day) by \(user), for \(total) in all — a bulk import? "
                + "Confirm and dismiss them together, or review them one by one (\(findings[0].checkID))."
            evidence["createdOn"] = day.description
            evidence["createdBy"] = user
        case .statementFeed(_, let journalID):
            let dates = findings.compactMap { $0.records.first.flatMap { facts.statementLine($0.id)?.date } }
            guard let first = dates.min(), let last = dates.max() else { return nil }
            let months = AnomalyMath.monthIndex(last) - AnomalyMath.monthIndex(first) + 1
            guard months >= rules.abandonedFeedMonths else { return nil }
            let journal = context.journal(id: journalID).map { "\($0.name) (\($0.code))" } ?? "journal \(journalID)"
            message = "\(count) statement lines of \(journal) are unreconciled, from \(first) to \(last) (\(months) months), for \(total) in all "
                + "— an abandoned bank feed? Reconcile them, or archive the feed and say why."
            evidence["journal"] = context.journalCode(journalID)
            evidence["from"] = first.description
            evidence["to"] = last.description
        case .accountPartner(_, let accountID, let partnerID):
            let partner = partnerID.map { " with \(context.partnerName($0))" } ?? ""
            let title = CheckRegistry.check(id: findings[0].checkID)?.title ?? AnomalyRegistry.detector(id: findings[0].checkID)?.title ?? findings[0].checkID
            message = "\(count) lines on \(context.accountName(accountID))\(partner) repeat one pattern (\(title.lowercased())), for \(total) in all: "
                + "fix it at its source (a product, a fiscal position, a recurring entry) and review them, or dismiss them together."
            evidence["account"] = context.accountName(accountID)
            if let partnerID { evidence["partner"] = context.partnerName(partnerID) }
        }
        let severity = findings.map(\.severity).min()!
        return Finding(checkID: findings[0].checkID, severity: severity, period: findings[0].period, company: findings[0].company,
                       records: findings.flatMap(\.records), message: message, evidence: evidence)
    }
}
