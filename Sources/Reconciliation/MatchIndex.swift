import Ledger

/// Indexes over open items and partners so that each statement line looks up its candidates
/// instead of comparing against every item: by amount, by document key, by sequence number and by
/// partner; partners by bank account number and by name word.
public struct MatchIndex: Sendable {
    let items: [OpenItem]
    let rules: MatchRules
    private var byAmount: [AmountKey: [Int32]] = [:]
    private var byFullKey: [String: [Int32]] = [:]
    private var bySequence: [Int: [Int32]] = [:]
    private var byPartner: [Int: [Int32]] = [:]
    private var partnerByAccountNumber: [String: Int] = [:]
    private var partnersByWord: [String: [Int]] = [:]
    let partnerWords: [Int: [String]]
    let accountsByCode: [String: Int]

    struct AmountKey: Hashable {
        var currencyID: Int
        var amount: Int64
    }

    public init(items: [OpenItem], partners: [Partner], accounts: [Account], rules: MatchRules) {
        self.items = items
        self.rules = rules
        for (position, item) in items.enumerated() {
            let index = Int32(position)
            byAmount[AmountKey(currencyID: item.currencyID, amount: item.residualInCurrency), default: []].append(index)
            for key in Set(item.keys.full) { byFullKey[key, default: []].append(index) }
            for number in Set(item.keys.sequence) { bySequence[number, default: []].append(index) }
            if let partner = item.partnerID { byPartner[partner, default: []].append(index) }
        }
        var words: [Int: [String]] = [:]
        for partner in partners {
            for number in partner.bankAccounts { partnerByAccountNumber[Self.normalizedAccount(number)] = partner.id }
            let nameWords = NameSimilarity.words(partner.name)
            words[partner.id] = nameWords
            for word in Set(nameWords) where word.count >= 3 { partnersByWord[String(word.prefix(4)), default: []].append(partner.id) }
        }
        partnerWords = words
        accountsByCode = Dictionary(accounts.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    static func normalizedAccount(_ text: String) -> String {
        String(decoding: text.utf8.compactMap { byte -> UInt8? in
            switch byte {
            case 48...57, 65...90: byte
            case 97...122: byte & 0xDF
            default: nil
            }
        }, as: UTF8.self)
    }

    /// The partner a statement line is from: its own partner, else the owner of its bank account,
    /// else the partner whose name is most like the name the bank reported (at least half alike).
    func resolvePartner(_ line: StatementLine) -> PartnerEvidence {
        if let partner = line.partnerID { return PartnerEvidence(partnerID: partner, byAccountNumber: false, nameScore: 1) }
        if let number = line.accountNumber, let partner = partnerByAccountNumber[Self.normalizedAccount(number)] {
            return PartnerEvidence(partnerID: partner, byAccountNumber: true, nameScore: nameScore(line, partner))
        }
        let words = NameSimilarity.words(line.partnerName ?? "")
        // Distinctive words only: a word most partners share ("TRADING", "SERVICES") would make every partner a candidate.
        let postings = words.filter { $0.count >= 3 }.compactMap { partnersByWord[String($0.prefix(4))] }.sorted { $0.count < $1.count }
        let distinctive = postings.filter { $0.count <= 64 }
        let lists = distinctive.isEmpty ? postings.prefix(1).map { Array($0.prefix(64)) } : distinctive
        var best: (Int, Double)?
        var seen: Set<Int> = []
        for list in lists {
            for partner in list where seen.insert(partner).inserted {
                let score = NameSimilarity.score(words, partnerWords[partner] ?? [])
                if score > (best?.1 ?? 0) || (score == best?.1 && partner < best!.0) { best = (partner, score) }
            }
        }
        guard let (partner, score) = best, score >= 0.5 else { return PartnerEvidence(partnerID: nil, byAccountNumber: false, nameScore: 0) }
        return PartnerEvidence(partnerID: partner, byAccountNumber: false, nameScore: score)
    }

    func nameScore(_ line: StatementLine, _ partner: Int) -> Double {
        NameSimilarity.score(NameSimilarity.words(line.partnerName ?? ""), partnerWords[partner] ?? [])
    }

    /// Candidates for a statement line: referenced, same-amount and same-partner items alone, the
    /// referenced items together, and subsets of the partner's items that add up (1:N).
    /// `isOpen` filters items (the trainer uses it to see the ledger as it stood on the line's date).
    func candidates(for line: StatementLine, amount: Int64, currencyID: Int, keys: TextKeys, partner: Int?,
                    isOpen: (OpenItem) -> Bool = { _ in true }) -> [MatchCandidate] {
        guard amount != 0 else { return [] }
        func sameSign(_ item: OpenItem) -> Bool { (item.residual(in: currencyID) > 0) == (amount > 0) && isOpen(item) }
        var referenced: [Int32] = []
        for key in keys.full { referenced += byFullKey[key] ?? [] }
        var sequenced: [Int32] = []
        for number in keys.numbers { sequenced += (bySequence[number] ?? []).filter { partner == nil || items[Int($0)].partnerID == partner } }
        let exact = byAmount[AmountKey(currencyID: currencyID, amount: amount)] ?? []
        let partnerItems = partner.map { byPartner[$0] ?? [] } ?? []

        var singles: [Int32] = []
        var seen: Set<Int32> = []
        for index in referenced + sequenced + exact.prefix(50) + partnerItems.suffix(60) where seen.insert(index).inserted {
            if sameSign(items[Int(index)]) { singles.append(index) }
        }
        var found: [MatchCandidate] = []
        for index in singles {
            if let candidate = candidate([items[Int(index)]], amount: amount, currencyID: currencyID) { found.append(candidate) }
        }
        // The items the text names, together.
        let named = Array(Set(referenced + sequenced)).filter { sameSign(items[Int($0)]) }.sorted()
        if named.count >= 2 && named.count <= 8, let together = candidate(named.map { items[Int($0)] }, amount: amount, currencyID: currencyID) {
            found.append(together)
        }
        // Deposits paying several of the partner's items at once.
        if partner != nil && !found.contains(where: { $0.shape == .oneToOne }) {
            let pool = partnerItems.filter { sameSign(items[Int($0)]) }.suffix(rules.subsetMaxItems).map { items[Int($0)] }
            found += subsets(of: pool, amount: amount, currencyID: currencyID)
        }
        return found
    }

    /// Subsets of 2…subsetMaxSize items whose residuals add up to the amount exactly or within the write-off tolerance.
    func subsets(of pool: [OpenItem], amount: Int64, currencyID: Int) -> [MatchCandidate] {
        guard pool.count >= 2 else { return [] }
        var found: [MatchCandidate] = []
        var chosen: [Int] = []
        func search(from start: Int, sum: Int64) {
            if chosen.count >= 2, let candidate = candidate(chosen.map { pool[$0] }, amount: amount, currencyID: currencyID),
               candidate.shape != .partial {
                found.append(candidate)
            }
            guard chosen.count < rules.subsetMaxSize, found.count < 20 else { return }
            for next in start..<pool.count {
                let total = sum + pool[next].residual(in: currencyID)
                // Residuals share the amount's sign: once past it (beyond the tolerance) no larger set fits.
                if total.magnitude > amount.magnitude + UInt64(rules.feeTolerance) { continue }
                chosen.append(next)
                search(from: next + 1, sum: total)
                chosen.removeLast()
            }
        }
        search(from: 0, sum: 0)
        return found
    }

    /// The candidate that settles `items` with `amount`, or nil when the amount cannot settle them.
    func candidate(_ items: [OpenItem], amount: Int64, currencyID: Int) -> MatchCandidate? {
        let residual = items.reduce(Int64(0)) { $0 + $1.residual(in: currencyID) }
        let difference = amount - residual
        let shape: MatchShape = items.count == 1 ? .oneToOne : .oneToMany
        if difference == 0 { return MatchCandidate(items: items, shape: shape, difference: 0) }
        let size = difference.magnitude
        if size <= UInt64(rules.roundingTolerance) {
            return MatchCandidate(items: items, shape: .withWriteOff, difference: difference, accountID: accountsByCode[rules.roundingAccountCode])
        }
        // Paid less than due: a deducted bank charge when small, else an instalment.
        if amount.magnitude < residual.magnitude {
            if size <= UInt64(rules.feeTolerance) && size * 100 <= amount.magnitude * UInt64(rules.feeMaxPercent) {
                return MatchCandidate(items: items, shape: .withWriteOff, difference: difference, accountID: accountsByCode[rules.feeAccountCode])
            }
            return items.count == 1 ? MatchCandidate(items: items, shape: .partial, difference: difference) : nil
        }
        return nil
    }
}

/// Who a statement line is from, and how we know.
struct PartnerEvidence {
    var partnerID: Int?
    var byAccountNumber: Bool
    var nameScore: Double
}

extension MatchIndex {
    /// How many open items the text names by full document number.
    func referencedCount(_ keys: TextKeys, isOpen: (OpenItem) -> Bool) -> Int {
        var seen: Set<Int32> = []
        for key in keys.full { for index in byFullKey[key] ?? [] where isOpen(items[Int(index)]) { seen.insert(index) } }
        return seen.count
    }
}
