public import Ledger

/// Company-specific settings of the checks. Plain values with the defaults of an Odoo 18 generic chart.
public struct CheckRules: Sendable, Hashable {
    /// Lines on accounts whose code starts with one of these need an analytic distribution.
    public var analyticRequiredCodePrefixes: [String]
    /// Accounts that must be empty at period end (bank suspense).
    public var suspenseAccountCodes: [String]
    /// Transit accounts that should clear (outstanding receipts/payments, liquidity transfer).
    public var clearingAccountCodes: [String]
    /// Days after period end within which creating an entry dated in the period is normal; nil to learn them from the
    /// company's history (`LatePostingLag`).
    public var latePostingGraceDays: Int?
    /// Customer invoice lines on accounts whose code starts with one of these need a tax.
    public var taxRequiredCodePrefixes: [String]

    public init(analyticRequiredCodePrefixes: [String] = ["6"], suspenseAccountCodes: [String] = ["101404"],
                clearingAccountCodes: [String] = ["101402", "101403", "101499"], latePostingGraceDays: Int? = nil,
                taxRequiredCodePrefixes: [String] = ["4"]) {
        self.analyticRequiredCodePrefixes = analyticRequiredCodePrefixes
        self.taxRequiredCodePrefixes = taxRequiredCodePrefixes
        self.suspenseAccountCodes = suspenseAccountCodes
        self.clearingAccountCodes = clearingAccountCodes
        self.latePostingGraceDays = latePostingGraceDays
    }
}

/// The ledger a check runs on, plus indexes built once so that every check is a linear scan.
/// Indexes map ids to positions in the snapshot's arrays.
public struct CheckContext: Sendable {
    public let snapshot: LedgerSnapshot
    public let period: Period
    public let asOf: LocalDate
    public let rules: CheckRules

    let accountIndex: IDIndex
    let journalIndex: IDIndex
    let moveIndex: IDIndex
    let taxIndex: IDIndex
    /// For each move (by position), the positions of its lines (lines are sorted by move id, then id).
    let lineRanges: [Range<Int>]
    /// Per account position: the flags the checks ask about for every line.
    let accountIsReceivableOrPayable: [Bool]
    let accountNeedsAnalytic: [Bool]
    let accountNeedsTax: [Bool]

    /// Posted entries that changed after Closer first pulled them (from the store's pull history).
    public let postedChanges: [PostedChange]
    /// Scans several checks share, made once on first use.
    let shared = SharedScans()

    public init(snapshot: LedgerSnapshot, period: Period, asOf: LocalDate, rules: CheckRules = CheckRules(),
                postedChanges: [PostedChange] = []) {
        self.snapshot = snapshot
        self.postedChanges = postedChanges
        self.period = period
        self.asOf = asOf
        self.rules = rules
        accountIndex = IDIndex(snapshot.accounts.map(\.id))
        journalIndex = IDIndex(snapshot.journals.map(\.id))
        moveIndex = IDIndex(snapshot.moves.map(\.id))
        taxIndex = IDIndex(snapshot.taxes.map(\.id))
        accountIsReceivableOrPayable = snapshot.accounts.map { $0.type == .receivable || $0.type == .payable }
        accountNeedsAnalytic = snapshot.accounts.map { account in
            rules.analyticRequiredCodePrefixes.contains { account.code.hasPrefix($0) }
        }
        accountNeedsTax = snapshot.accounts.map { account in rules.taxRequiredCodePrefixes.contains { account.code.hasPrefix($0) } }
        var ranges = [Range<Int>](repeating: 0..<0, count: snapshot.moves.count)
        let lines = snapshot.lines
        var start = 0
        while start < lines.count {
            let moveID = lines[start].moveID
            var end = start + 1
            while end < lines.count && lines[end].moveID == moveID { end += 1 }
            if let position = moveIndex[moveID] { ranges[position] = start..<end }
            start = end
        }
        lineRanges = ranges
    }

    // MARK: Lookups

    public func account(id: Int) -> Account? { accountIndex[id].map { snapshot.accounts[$0] } }
    public func journal(id: Int) -> Journal? { journalIndex[id].map { snapshot.journals[$0] } }
    public func move(id: Int) -> Move? { moveIndex[id].map { snapshot.moves[$0] } }
    public func tax(id: Int) -> Tax? { taxIndex[id].map { snapshot.taxes[$0] } }

    /// The lines of a move, by the move's position in `snapshot.moves`.
    public func lines(ofMoveAt position: Int) -> ArraySlice<JournalLine> { snapshot.lines[lineRanges[position]] }

    /// Positions of the accounts whose code is one of `codes`.
    func accountPositions(codes: [String]) -> [Int] {
        snapshot.accounts.indices.filter { codes.contains(snapshot.accounts[$0].code) }
    }

    // MARK: Naming records in findings

    func journalCode(_ id: Int) -> String { journal(id: id)?.code ?? "journal \(id)" }

    /// "MISC/2026/10/0004 (MISC, 2026-10-14)".
    func describe(_ move: Move) -> String { "\(move.name) (\(journalCode(move.journalID)), \(move.date))" }

    /// The company the ledger belongs to, as findings name it.
    public var companyRecord: RecordRef { RecordRef(model: "res.company", id: snapshot.company.id, name: snapshot.company.name) }

    func record(_ move: Move) -> FindingRecord { FindingRecord(model: "account.move", id: move.id, name: move.name) }

    func record(_ line: JournalLine) -> FindingRecord {
        FindingRecord(model: "account.move.line", id: line.id, name: (move(id: line.moveID)?.name ?? "entry \(line.moveID)") + " " + line.label)
    }

    func accountName(_ id: Int) -> String { account(id: id)?.displayName ?? "account \(id)" }

    /// "line 'Netting' of MISC/2026/10/0007 (MISC, 2026-10-09) on 627000 Travel".
    func describe(_ line: JournalLine, of move: Move) -> String {
        "line '\(line.label)' of \(describe(move)) on \(accountName(line.accountID))"
    }

    func money(_ minorUnits: Int64) -> Money { snapshot.company.currency.money(minorUnits) }
}

/// Maps record ids to array positions: a dense table when ids are compact (the usual case), else a dictionary.
struct IDIndex: Sendable {
    private var dense: [Int32] = []
    private var sparse: [Int: Int] = [:]
    private var isDense = true

    init(_ ids: [Int]) {
        let maxID = ids.max() ?? 0
        let minID = ids.min() ?? 0
        if minID >= 0 && maxID <= ids.count * 4 + 1024 && ids.count < Int(Int32.max) {
            dense = [Int32](repeating: -1, count: maxID + 1)
            for (position, id) in ids.enumerated() where dense[id] < 0 { dense[id] = Int32(position) }
        } else {
            isDense = false
            sparse.reserveCapacity(ids.count)
            for (position, id) in ids.enumerated() where sparse[id] == nil { sparse[id] = position }
        }
    }

    subscript(id: Int) -> Int? {
        if isDense {
            guard id >= 0 && id < dense.count else { return nil }
            let position = dense[id]
            return position < 0 ? nil : Int(position)
        }
        return sparse[id]
    }
}
