public import Ledger

/// Suggests the account of a profit-and-loss line by counting the company's posted history before the
/// period: the earlier P&L lines of the same partner in the same journal with the same label (its
/// words, numbers and dates dropped) — narrowed to the same amount magnitude when the label's lines
/// span several and those alone are history enough, widened to labels sharing most words when the
/// exact label has too little.
///
/// Counting rather than a fitted model: training is one pass, and every suggestion says exactly which
/// lines it rests on ("14 of the 15 earlier lines of …"). The probability is the agreeing share
/// smoothed by half a line each way (the Krichevsky–Trofimov estimate), so little history is never
/// certain: 1 of 1 is 0.75, 5 of 5 is 0.92, 14 of 15 is 0.91, 24 of 24 is 0.98; and a partner that
/// books the same label to two accounts gets a probability no higher than its larger share.
///
/// A label the partner never used gets no suggestion: a known vendor selling something new is a
/// question for the rare-account-partner detector, not a misposting the history can correct.
public struct AccountSuggestionModel: Sendable {
    /// Fewer similar earlier lines than this give no suggestion.
    public let minimumHistory: Int
    /// Labels whose word sets overlap at least this much (Dice) count as alike when widening.
    static let alikeLabelScore = 0.5
    /// Entries kept per account and label as evidence.
    static let evidenceMoves = 3

    private let context: ProposalContext
    private var groups: [GroupKey: Group] = [:]
    private var labelsByOwner: [Owner: [LabelWords]] = [:]

    /// Learns from `context`'s posted lines dated before its period.
    public init(_ context: ProposalContext, minimumHistory: Int) {
        self.context = context
        self.minimumHistory = minimumHistory
        let profitAndLoss = Set(context.snapshot.accounts.filter(\.type.isProfitAndLoss).map(\.id))
        var labels: [String: LabelWords] = [:]
        for move in context.snapshot.moves where move.state == .posted && move.date < context.period.start {
            for line in context.lines(of: move.id) where profitAndLoss.contains(line.accountID) {
                let label: LabelWords
                if let known = labels[line.label] { label = known } else { label = LabelWords(line.label); labels[line.label] = label }
                guard !label.isEmpty else { continue }
                let key = GroupKey(owner: Owner(partnerID: line.partnerID, journalID: move.journalID), label: label.text)
                if groups[key] == nil { labelsByOwner[key.owner, default: []].append(label) }
                groups[key, default: Group()].add(line, moveID: move.id)
            }
        }
    }

    /// What the history says `line` (of an entry in journal `journalID`) should be booked to, or nil
    /// when there are fewer than `minimumHistory` earlier lines like it.
    public func suggestion(for line: JournalLine, journalID: Int) -> AccountSuggestion? {
        let label = LabelWords(line.label)
        guard !label.isEmpty else { return nil }
        let owner = Owner(partnerID: line.partnerID, journalID: journalID)
        let quoted = "'" + label.text.lowercased() + "'"
        if let group = groups[GroupKey(owner: owner, label: label.text)] {
            let magnitude = Self.magnitude(line.balance)
            if let narrowed = group.byMagnitude[magnitude], narrowed.lines >= minimumHistory, narrowed.lines < group.tally.lines {
                return suggestion(from: narrowed, groups: [group], owner: owner,
                                  likeness: "labelled \(quoted) with amounts \(magnitudeText(magnitude))")
            }
            if group.tally.lines >= minimumHistory {
                return suggestion(from: group.tally, groups: [group], owner: owner, likeness: "labelled \(quoted)")
            }
        }
        let alike = (labelsByOwner[owner] ?? []).filter { $0.similarity(to: label) >= Self.alikeLabelScore }
            .compactMap { groups[GroupKey(owner: owner, label: $0.text)] }
        var tally = Tally()
        for group in alike { tally.merge(group.tally) }
        guard tally.lines >= minimumHistory else { return nil }
        return suggestion(from: tally, groups: alike, owner: owner, likeness: "labelled like \(quoted)")
    }

    private func suggestion(from tally: Tally, groups: [Group], owner: Owner, likeness: String) -> AccountSuggestion? {
        let ranked = tally.ranked
        guard let (accountID, agreeing) = ranked.first else { return nil }
        var analytics = Counts<AnalyticDistribution?>()
        var latest: [Int] = []
        for group in groups {
            analytics.merge(group.analytics[accountID] ?? Counts())
            latest += group.latestMoves[accountID] ?? []
        }
        let others = ranked.dropFirst().prefix(2).map { "\($0.lines) to \(context.accountName($0.accountID))" }
        let whose = owner.partnerID.map { "of " + context.partnerName($0) } ?? "without a partner"
        let journal = context.journalsByID[owner.journalID]?.name ?? "journal \(owner.journalID)"
        let reason = "\(agreeing) of the \(tally.lines) earlier lines \(whose) \(likeness) in \(journal) went to \(context.accountName(accountID))"
            + (others.isEmpty ? "" : " (" + others.joined(separator: ", ") + (ranked.count > 3 ? ", …" : "") + ")")
        return AccountSuggestion(
            accountID: accountID, probability: (Double(agreeing) + 0.5) / (Double(tally.lines) + 1),
            similarLines: tally.lines, agreeingLines: agreeing, analytic: analytics.mostCommon ?? nil,
            evidenceMoveIDs: Array(Set(latest).sorted(by: >).prefix(Self.evidenceMoves)), reason: reason)
    }

    /// The number of digits of the amount's whole units: 0 under 1, 3 from 100 to 999.99, …
    static func magnitude(_ amount: Money) -> Int {
        var units = amount.minorUnits.magnitude
        for _ in 0..<amount.scale { units /= 10 }
        var digits = 0
        while units > 0 { digits += 1; units /= 10 }
        return digits
    }

    private func magnitudeText(_ magnitude: Int) -> String {
        var low: Int64 = 1
        for _ in 0..<max(0, magnitude - 1) { low *= 10 }
        var unit: Int64 = 1
        for _ in 0..<context.currency.decimalPlaces { unit *= 10 }
        return magnitude == 0 ? "under \(context.money(unit))" : "from \(context.money(low * unit)) to under \(context.money(low * 10 * unit))"
    }

    // MARK: What is counted

    /// The lines of one partner (or of none) in one journal.
    struct Owner: Hashable {
        var partnerID: Int?
        var journalID: Int
    }

    struct GroupKey: Hashable {
        var owner: Owner
        var label: String
    }

    /// The earlier lines of one owner with one label: accounts overall and by amount magnitude, and
    /// per account the analytic distributions used and the latest entries.
    struct Group: Sendable {
        var tally = Tally()
        var byMagnitude: [Int: Tally] = [:]
        var analytics: [Int: Counts<AnalyticDistribution?>] = [:]
        var latestMoves: [Int: [Int]] = [:]

        mutating func add(_ line: JournalLine, moveID: Int) {
            let account = line.accountID
            tally.add(account)
            byMagnitude[AccountSuggestionModel.magnitude(line.balance), default: Tally()].add(account)
            analytics[account, default: Counts()].add(line.analytic)
            var latest = latestMoves[account, default: []]
            if !latest.contains(moveID) {
                latest.append(moveID)
                if latest.count > AccountSuggestionModel.evidenceMoves, let oldest = latest.indices.min(by: { latest[$0] < latest[$1] }) {
                    latest.remove(at: oldest)
                }
            }
            latestMoves[account] = latest
        }
    }

    /// Lines per account.
    struct Tally: Sendable {
        var lines = 0
        var byAccount: [Int: Int] = [:]

        mutating func add(_ accountID: Int, lines count: Int = 1) {
            lines += count
            byAccount[accountID, default: 0] += count
        }

        mutating func merge(_ other: Tally) {
            for (account, count) in other.byAccount { add(account, lines: count) }
        }

        /// Most lines first; ties by account id, so suggestions do not depend on hashing order.
        var ranked: [(accountID: Int, lines: Int)] {
            byAccount.map { ($0.key, $0.value) }.sorted { ($1.lines, $0.accountID) < ($0.lines, $1.accountID) }
        }
    }

    /// Occurrences of values that cannot be ordered, in first-seen order so ties go to the earliest.
    struct Counts<Value: Hashable & Sendable>: Sendable {
        private(set) var entries: [(value: Value, count: Int)] = []

        mutating func add(_ value: Value, count: Int = 1) {
            if let index = entries.firstIndex(where: { $0.value == value }) { entries[index].count += count } else { entries.append((value, count)) }
        }

        mutating func merge(_ other: Counts) { for entry in other.entries { add(entry.value, count: entry.count) } }

        var mostCommon: Value? { entries.max { $0.count < $1.count }.map(\.value) }
    }
}
