import Ledger

/// The facts about one candidate that the model weighs, as numbers, with the words that explain them.
public struct MatchFeatures: Sendable {
    public static let names = [
        "bias", "amount-equal", "small-difference", "partial", "reference-full", "reference-number", "other-reference",
        "partner-agrees", "partner-disagrees", "name-similarity", "account-number", "date-gap", "extra-items",
        "counterpart-memory", "counterpart", "reference-near",
    ]

    public var values: [Double]
    /// Plain-language facts, strongest first ("reference contains INV/2026/00042").
    public var reasons: [String]
    /// How many open documents the line's text names (an input, kept to explain the features again).
    let mentionedItems: Int

    /// Everything the features need to know about the statement line, computed once per line.
    struct LineFacts {
        var line: StatementLine
        var amount: Int64
        var currencyID: Int
        var currency: Currency
        var keys: TextKeys
        var partner: PartnerEvidence
    }

    /// `explain` builds the reasons too; scoring every candidate skips them, the few shown get them.
    init(_ candidate: MatchCandidate, _ facts: LineFacts, habits: PaymentHabits, mentionedItems: Int, explain: Bool = true) {
        var values = [Double](repeating: 0, count: Self.names.count)
        var reasons: [String] = []
        func say(_ text: @autoclosure () -> String, first: Bool = false) {
            guard explain else { return }
            if first { reasons.insert(text(), at: 0) } else { reasons.append(text()) }
        }
        values[0] = 1
        let items = candidate.items
        switch candidate.shape {
        case .oneToOne, .oneToMany:
            values[1] = 1
            say("amount equal")
        case .withWriteOff:
            values[2] = 1
            say("difference of \(facts.currency.money(candidate.difference).magnitude) written off")
        case .partial:
            values[3] = 1
            say("pays part of the open amount")
        case .counterpart:
            values[14] = 1
            if let memory = candidate.memory, memory.total > 0 {
                values[13] = Double(memory.agreeing) / Double(memory.total + 1)
                say("\(memory.agreeing) of \(memory.total) earlier lines with this text went to this account")
            }
        }
        if !items.isEmpty {
            var full = 0, number = 0, near = 0
            var named: [String] = [], misspelt: [String] = []
            for item in items {
                let (name, ref) = item.keys
                let inText = (name: name.full.map(facts.keys.full.contains) ?? false, ref: ref.full.map(facts.keys.full.contains) ?? false)
                let numberInText = (name: name.sequence.map(facts.keys.numbers.contains) ?? false,
                                    ref: ref.sequence.map(facts.keys.numbers.contains) ?? false)
                func isNear(_ key: DigitKey?) -> Bool { key.map { key in facts.keys.full.contains { DigitKey.isNear(key, $0) } } ?? false }
                if inText.name || inText.ref {
                    full += 1
                    if explain { named.append(Self.named(item, textHoldsName: inText.name)) }
                } else if numberInText.name || numberInText.ref {
                    number += 1
                    if explain { named.append(Self.named(item, textHoldsName: numberInText.name)) }
                } else if isNear(name.full) || isNear(ref.full) {
                    near += 1
                    if explain { misspelt.append(item.moveName) }
                }
            }
            values[4] = Double(full) / Double(items.count)
            values[5] = Double(number) / Double(items.count)
            values[15] = Double(near) / Double(items.count)
            if !misspelt.isEmpty { say("reference is one typo away from \(misspelt.joined(separator: ", "))", first: true) }
            if !named.isEmpty { say("reference contains \(named.joined(separator: ", "))", first: true) }
            // The text names documents outside this candidate: a sign that another candidate is meant.
            if mentionedItems > full + number {
                values[6] = 1
                say("the text also names other open documents")
            }
            if let partner = facts.partner.partnerID {
                if items.allSatisfy({ $0.partnerID == partner }) {
                    values[7] = 1
                    say(facts.partner.byAccountNumber ? "bank account matches the partner's" : "partner matches")
                } else {
                    values[8] = 1
                    say("bank partner differs from the documents' partner")
                }
            }
            values[9] = facts.partner.nameScore
            values[10] = facts.partner.byAccountNumber ? 1 : 0
            values[11] = habits.gapScore(items: items, paidOn: facts.line.date)
            values[12] = Double(items.count - 1)
            if items.count > 1 { say("\(items.count) documents together") }
        }
        self.values = values
        self.reasons = reasons
        self.mentionedItems = mentionedItems
    }

    /// What the text named for `item`: its number, or its ref when only the ref is in the text (a line
    /// reading a bill's vendor reference, which the bill's payment carries too), so a reason never claims
    /// the text holds a number it does not.
    static func named(_ item: OpenItem, textHoldsName: Bool) -> String {
        guard let ref = item.moveRef, !textHoldsName else { return item.moveName }
        return "\(ref) (the ref of \(item.moveName))"
    }
}

/// How late each partner usually pays, learned from settled items: the median days from due date
/// to payment. A payment close to the partner's habit is more likely the one meant.
public struct PaymentHabits: Sendable {
    var medianDelay: [Int: Int] = [:]

    init(delays: [Int: [Int]]) {
        for (partner, days) in delays where !days.isEmpty { medianDelay[partner] = days.sorted()[days.count / 2] }
    }

    /// 0 when the payment date is what the partner's habit predicts, growing by 1 per 30 days off, at most 3.
    func gapScore(items: [OpenItem], paidOn date: LocalDate) -> Double {
        var smallest: Int?
        for item in items {
            let due = item.dueDate ?? item.date
            let expected = item.partnerID.flatMap { medianDelay[$0] } ?? 0
            smallest = min(smallest ?? .max, abs(due.days(until: date) - expected))
        }
        return min(3, Double(smallest ?? 0) / 30)
    }
}
