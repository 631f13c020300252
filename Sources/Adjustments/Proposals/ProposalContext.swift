public import Ledger

/// The ledger the proposers read, with the lookups they share, built once per run.
public struct ProposalContext: Sendable {
    public let snapshot: LedgerSnapshot
    public let period: Period
    public let rules: AdjustmentRules
    public let currency: Currency

    public let accountsByID: [Int: Account]
    public let accountsByCode: [String: Account]
    public let journalsByID: [Int: Journal]
    public let partnersByID: [Int: Partner]
    /// Each move's position in `snapshot.moves`: positions, not copies of the moves, which for a ten-million-line
    /// ledger would be gigabytes.
    private let movePositions: [Int: Int]
    /// Positions of each move's lines in `snapshot.lines`.
    public let lineRangesByMove: [Int: Range<Int>]

    public init(snapshot: LedgerSnapshot, period: Period, rules: AdjustmentRules = AdjustmentRules()) {
        self.snapshot = snapshot
        self.period = period
        self.rules = rules
        currency = snapshot.company.currency
        accountsByID = Dictionary(snapshot.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        accountsByCode = Dictionary(snapshot.accounts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        journalsByID = Dictionary(snapshot.journals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        partnersByID = Dictionary(snapshot.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var positions: [Int: Int] = [:]
        positions.reserveCapacity(snapshot.moves.count)
        for (position, move) in snapshot.moves.enumerated() where positions[move.id] == nil { positions[move.id] = position }
        movePositions = positions
        var ranges: [Int: Range<Int>] = [:]
        let lines = snapshot.lines
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count && lines[end].moveID == lines[start].moveID { end += 1 }
            ranges[lines[start].moveID] = start..<end
            start = end
        }
        lineRangesByMove = ranges
    }

    public func move(id: Int) -> Move? { movePositions[id].map { snapshot.moves[$0] } }

    public func lines(of moveID: Int) -> ArraySlice<JournalLine> {
        lineRangesByMove[moveID].map { snapshot.lines[$0] } ?? []
    }

    /// The journal adjustments are drafted in (rule `journalCode`), if the chart has it.
    public var adjustmentJournal: Journal? { snapshot.journals.first { $0.code == rules.journalCode } }

    public func money(_ minorUnits: Int64) -> Money { currency.money(minorUnits) }

    // MARK: Records, as evidence and findings name them

    public var companyRecord: RecordRef { RecordRef(model: "res.company", id: snapshot.company.id, name: snapshot.company.name) }

    public func moveRecord(_ id: Int) -> RecordRef {
        RecordRef(model: "account.move", id: id, name: move(id: id)?.name ?? "entry \(id)")
    }

    public func partnerRecord(_ id: Int) -> RecordRef {
        RecordRef(model: "res.partner", id: id, name: partnersByID[id]?.name ?? "partner \(id)")
    }

    public func accountName(_ id: Int) -> String { accountsByID[id]?.displayName ?? "account \(id)" }

    public func partnerName(_ id: Int?) -> String { id.flatMap { partnersByID[$0]?.name } ?? "no partner" }
}
