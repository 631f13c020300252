import Ledger

/// A member's posted lines with the partners that stand for other members, indexed once so every
/// pair and measure reads only those lines.
struct IntercompanyBook {
    let member: IntercompanyMember
    private let linesByPartner: [Int: [JournalLine]]
    private let accountTypes: [Int: AccountType]
    private let movesByID: [Int: Move]

    init(member: IntercompanyMember, partners: Set<Int>) {
        self.member = member
        let snapshot = member.snapshot
        let posted = Set(snapshot.moves.lazy.filter { $0.state == .posted }.map(\.id))
        var byPartner: [Int: [JournalLine]] = [:]
        for line in snapshot.lines {
            guard let partner = line.partnerID, partners.contains(partner), posted.contains(line.moveID) else { continue }
            byPartner[partner, default: []].append(line)
        }
        linesByPartner = byPartner
        accountTypes = Dictionary(snapshot.accounts.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
        movesByID = Dictionary(snapshot.moves.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    enum Side { case seller, buyer }

    /// Each entry's part in the measure with these partners, on the given side (zero parts left
    /// out), oldest first.
    func documents(partners: Set<Int>, measure: IntercompanyMeasure, side: Side) -> [IntercompanyDocument] {
        var byMove: [Int: Int64] = [:]
        for partner in partners {
            for line in linesByPartner[partner] ?? [] {
                guard let type = accountTypes[line.accountID] else { continue }
                let amount = side == .seller ? measure.sellerMinorUnits(line, type: type) : measure.buyerMinorUnits(line, type: type)
                if let amount { byMove[line.moveID, default: 0] += amount }
            }
        }
        let currency = member.currency
        return byMove.compactMap { moveID, minorUnits -> IntercompanyDocument? in
            guard minorUnits != 0, let move = movesByID[moveID] else { return nil }
            return IntercompanyDocument(move: RecordRef(model: "account.move", id: moveID, name: move.name), ref: move.ref,
                                        date: move.date, amount: currency.money(minorUnits))
        }.sorted { ($0.date, $0.move.id) < ($1.date, $1.move.id) }
    }
}
