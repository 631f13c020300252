import Ledger
import OdooRPC

/// What rendering a ledger record needs beyond the record: the names many2one fields show, currencies by id
/// and code, each move's position (lines and statement lines name their entry), and the wire forms of values.
struct LedgerLookups: Sendable {
    let company: Company
    let moves: [Move]
    let accounts: [Int: Account]
    let journals: [Int: Journal]
    let partners: [Int: Partner]
    let currencies: [Int: Currency]
    let currencyIDs: [CurrencyCode: Int]

    init(_ snapshot: LedgerSnapshot) {
        company = snapshot.company
        moves = snapshot.moves.sorted { $0.id < $1.id }
        accounts = Dictionary(snapshot.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        journals = Dictionary(snapshot.journals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        partners = Dictionary(snapshot.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let all = snapshot.currencies + [snapshot.company.currency]
        currencies = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        currencyIDs = Dictionary(all.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// The move with `id` (moves are numbered 1… in order, as the generators and Odoo number them; else searched).
    func move(_ id: Int) -> Move? {
        if moves.indices.contains(id - 1), moves[id - 1].id == id { return moves[id - 1] }
        let found = SimulatedModel.firstIndex(atLeast: id, count: moves.count) { moves[$0].id }
        return found < moves.count && moves[found].id == id ? moves[found] : nil
    }

    var companyRef: RPCValue { [RPCValue(company.id), .string(company.name)] }

    func account(_ id: Int) -> RPCValue { accounts[id].map { [RPCValue(id), .string($0.displayName)] } ?? false }
    func journal(_ id: Int) -> RPCValue { journals[id].map { [RPCValue(id), .string($0.name)] } ?? false }
    func partner(_ id: Int?) -> RPCValue { id.map { [RPCValue($0), .string(partners[$0]?.name ?? "Partner \($0)")] } ?? false }
    func currency(_ id: Int) -> RPCValue { [RPCValue(id), .string(currencies[id]?.code.description ?? "?")] }
    func currency(code: CurrencyCode) -> RPCValue { currencyIDs[code].map(currency) ?? false }
    func move(reference id: Int) -> RPCValue { [RPCValue(id), .string(move(id)?.name ?? "/")] }

    static func money(_ amount: Money) -> RPCValue { .double(WireNumber(minorUnits: amount.minorUnits, scale: amount.scale)) }
    static func date(_ date: LocalDate?) -> RPCValue { date.map { .string($0.description) } ?? false }
    static func text(_ text: String?) -> RPCValue { text.map { $0.isEmpty ? false : .string($0) } ?? false }
    static func user(_ user: UserRef?) -> RPCValue { user.map { [RPCValue($0.id), .string($0.name)] } ?? false }
}
