public import Ledger

/// Indexes over open items and partners so that each statement line looks up its candidates
/// instead of comparing against every item: by amount, by document key, by sequence number and by
/// partner; partners by bank account number and by name word.
public struct MatchIndex: Sendable {
    let items: [OpenItem]
    let rules: MatchRules
    private let byAmount: PostingIndex<AmountKey>
    private let byFullKey: PostingIndex<DigitKey>
    private let bySequence: PostingIndex<Int>
    private let byPartner: PostingIndex<Int>
    private var partnerByAccountNumber: [String: Int] = [:]
    private let partnerNames: PartnerNames
    let accountsByCode: [String: Int]

    struct AmountKey: PostingKey {
        var currencyID: Int
        var amount: Int64

        var bits: UInt64 { UInt64(truncatingIfNeeded: amount) &+ UInt64(truncatingIfNeeded: currencyID) &* 0x2545_F491_4F6C_DD1D }

        static func < (lhs: AmountKey, rhs: AmountKey) -> Bool {
            (lhs.currencyID, lhs.amount) < (rhs.currencyID, rhs.amount)
        }
    }

    public init(items: [OpenItem], partners: [Partner], accounts: [Account], rules: MatchRules) {
        self.items = items
        self.rules = rules
        var amounts: [(key: AmountKey, item: Int32)] = [], fullKeys: [(key: DigitKey, item: Int32)] = []
        var sequences: [(key: Int, item: Int32)] = [], partnerItems: [(key: Int, item: Int32)] = []
        amounts.reserveCapacity(items.count); fullKeys.reserveCapacity(items.count)
        sequences.reserveCapacity(items.count); partnerItems.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            let index = Int32(position)
            amounts.append((AmountKey(currencyID: item.currencyID, amount: item.residualInCurrency), index))
            // A name and a ref may give the same key: the item is listed under it once.
            let (name, ref) = item.keys
            if let key = name.full { fullKeys.append((key, index)) }
            if let key = ref.full, key != name.full { fullKeys.append((key, index)) }
            if let number = name.sequence { sequences.append((number, index)) }
            if let number = ref.sequence, number != name.sequence { sequences.append((number, index)) }
            if let partner = item.partnerID { partnerItems.append((partner, index)) }
        }
        byAmount = PostingIndex(amounts)
        byFullKey = PostingIndex(fullKeys)
        bySequence = PostingIndex(sequences)
        byPartner = PostingIndex(partnerItems)
        for partner in partners {
            for number in partner.bankAccounts { partnerByAccountNumber[Self.normalizedAccount(number)] = partner.id }
        }
        partnerNames = PartnerNames(partners)
        accountsByCode = Dictionary(accounts.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    static func normalizedAccount(_ text: String) -> String {
        // Most numbers arrive written this way already: no new string for them.
        if text.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }) { return text }
        return String(decoding: text.utf8.compactMap { byte -> UInt8? in
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
        let words = NameSimilarity.words(line.partnerName ?? "")
        if let number = line.accountNumber, let partner = partnerByAccountNumber[Self.normalizedAccount(number)] {
            return PartnerEvidence(partnerID: partner, byAccountNumber: true, nameScore: NameSimilarity.score(words, partnerNames.words(of: partner)))
        }
        guard let (partner, score) = partnerNames.mostAlike(words), score >= 0.5 else {
            return PartnerEvidence(partnerID: nil, byAccountNumber: false, nameScore: 0)
        }
        return PartnerEvidence(partnerID: partner, byAccountNumber: false, nameScore: score)
    }

    /// Candidates for a statement line: referenced, same-amount and same-partner items alone, the
    /// referenced items together, and subsets of the partner's items that add up (1:N).
    /// `isOpen` filters items (the trainer uses it to see the ledger as it stood on the line's date).
    /// Items are handled by position and copied only into the candidates that fit, which keeps a line
    /// at a few microseconds.
    func candidates(for line: StatementLine, amount: Int64, currencyID: Int, keys: TextKeys, partner: Int?,
                    isOpen: ((OpenItem) -> Bool)? = nil) -> [MatchCandidate] {
        guard amount != 0 else { return [] }
        func fits(_ index: Int32) -> Bool {
            (items[Int(index)].residual(in: currencyID) > 0) == (amount > 0) && (isOpen.map { $0(items[Int(index)]) } ?? true)
        }
        var named: [Int32] = []
        for key in keys.full { named += byFullKey[key] }
        for number in keys.numbers { named += bySequence[number].filter { partner == nil || items[Int($0)].partnerID == partner } }
        let exact = byAmount[AmountKey(currencyID: currencyID, amount: amount)]
        let partnerItems = partner.map { byPartner[$0] } ?? []

        var found: [MatchCandidate] = []
        var seen: Set<Int32> = []
        // Named or same-amount items may be paid in part; the partner's other items only in full or
        // within the write-off tolerance (an unnamed part-payment of one of them is a guess).
        for index in named + exact.prefix(50) where seen.insert(index).inserted && fits(index) {
            if let candidate = candidate([index], amount: amount, currencyID: currencyID) { found.append(candidate) }
        }
        // When the amount settles one of them exactly, the partner's other items are not tried one by one.
        if !found.contains(where: { $0.shape == .oneToOne }) {
            for index in partnerItems.suffix(60) where seen.insert(index).inserted && fits(index) {
                if let candidate = candidate([index], amount: amount, currencyID: currencyID, partial: false) { found.append(candidate) }
            }
        }
        // The items the text names, together (when it names two or more).
        let together = named.count < 2 ? [] : Array(Set(named)).filter(fits).sorted()
        if together.count >= 2 && together.count <= 8, let candidate = candidate(together, amount: amount, currencyID: currencyID) {
            found.append(candidate)
        }
        // Deposits paying several of the partner's items at once.
        if partner != nil && !found.contains(where: { $0.shape == .oneToOne }) {
            found += subsets(of: Array(partnerItems.filter(fits).suffix(rules.subsetMaxItems)), amount: amount, currencyID: currencyID)
        }
        return found
    }

    /// Subsets of 2…subsetMaxSize items whose residuals add up to the amount exactly or within the write-off tolerance.
    func subsets(of pool: [Int32], amount: Int64, currencyID: Int) -> [MatchCandidate] {
        guard pool.count >= 2 else { return [] }
        let residuals = pool.map { items[Int($0)].residual(in: currencyID) }
        var found: [MatchCandidate] = []
        var chosen: [Int] = []
        func search(from start: Int, sum: Int64) {
            if chosen.count >= 2, let (shape, account) = settlement(count: chosen.count, residual: sum, amount: amount, partial: false) {
                found.append(MatchCandidate(items: chosen.map { items[Int(pool[$0])] }, shape: shape, difference: amount - sum, accountID: account))
            }
            guard chosen.count < rules.subsetMaxSize, found.count < 20 else { return }
            for next in start..<pool.count {
                let total = sum + residuals[next]
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

    func candidate(_ indices: [Int32], amount: Int64, currencyID: Int, partial: Bool = true) -> MatchCandidate? {
        let residual = indices.reduce(Int64(0)) { $0 + items[Int($1)].residual(in: currencyID) }
        guard let (shape, account) = settlement(count: indices.count, residual: residual, amount: amount, partial: partial) else { return nil }
        return MatchCandidate(items: indices.map { items[Int($0)] }, shape: shape, difference: amount - residual, accountID: account)
    }

    /// How `count` items whose residuals total `residual` are settled by `amount`, and the write-off
    /// account, or nil when the amount cannot settle them; a part-payment only when `partial` allows it.
    func settlement(count: Int, residual: Int64, amount: Int64, partial: Bool) -> (MatchShape, Int?)? {
        let difference = amount - residual
        let size = difference.magnitude
        if difference == 0 { return (count == 1 ? .oneToOne : .oneToMany, nil) }
        if size <= UInt64(rules.roundingTolerance) { return (.withWriteOff, accountsByCode[rules.roundingAccountCode]) }
        guard amount.magnitude < residual.magnitude else { return nil }
        // Paid less than due: a deducted bank charge when small, else an instalment.
        if size <= UInt64(rules.feeTolerance) && size * 100 <= amount.magnitude * UInt64(rules.feeMaxPercent) {
            return (.withWriteOff, accountsByCode[rules.feeAccountCode])
        }
        return partial && count == 1 ? (.partial, nil) : nil
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
    func referencedCount(_ keys: TextKeys, isOpen: ((OpenItem) -> Bool)?) -> Int {
        var seen: Set<Int32> = []
        for key in keys.full { for index in byFullKey[key] where isOpen.map({ $0(items[Int(index)]) }) ?? true { seen.insert(index) } }
        return seen.count
    }
}
