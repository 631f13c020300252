public import Ledger

/// A journal item a bank statement line can settle: a posted line on a reconcilable account with
/// an open residual (invoice and bill payment-term lines, outstanding payments, transfer lines).
public struct OpenItem: Sendable, Hashable {
    public var lineID: Int
    public var moveID: Int
    public var moveName: String
    /// The move's ref (a payment carries the vendor's invoice number), so a reason can say which one the text named.
    public var moveRef: String?
    public var accountID: Int
    public var partnerID: Int?
    /// Signed residual in the company currency (receivable: positive, payable: negative), minor units.
    public var residual: Int64
    /// Signed residual in the line's own currency, minor units (equal to `residual` for company-currency lines).
    public var residualInCurrency: Int64
    public var currencyID: Int
    public var date: LocalDate
    public var dueDate: LocalDate?

    /// Reference keys of the move's name and its ref (see ReferenceKeys). Read when needed, not kept:
    /// millions of items would each hold them for the few that become candidates.
    var keys: (name: DocumentKeys, ref: DocumentKeys) { (DocumentKeys(moveName), moveRef.map(DocumentKeys.init) ?? .none) }

    /// The residual in the currency a statement line of `currencyID` pays in.
    func residual(in currencyID: Int) -> Int64 { currencyID == self.currencyID ? residualInCurrency : residual }
}

extension OpenItem {
    /// value × part / whole, rounded half away from zero, in 128-bit integers (money stays exact).
    static func proRata(_ value: Int64, _ part: Int64, _ whole: Int64) -> Int64 {
        guard whole != 0 else { return 0 }
        let negative = ((value < 0) != (part < 0)) != (whole < 0)
        let divisor = whole.magnitude
        let product = value.magnitude.multipliedFullWidth(by: part.magnitude)
        guard product.high < divisor else { return negative ? .min : .max }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let rounded = min(remainder >= divisor - remainder ? quotient + 1 : quotient, UInt64(Int64.max))
        return negative ? -Int64(rounded) : Int64(rounded)
    }

    /// Items of posted moves on reconcilable accounts that pass `include`, with their original
    /// amount when `original` is set (as they stood before anything settled them). A bank statement
    /// line's own entry is never an item: it is what gets matched.
    static func items(in snapshot: LedgerSnapshot, original: Bool = false, include: (JournalLine) -> Bool) -> [OpenItem] {
        let reconcilable = Set(snapshot.accounts.filter(\.reconcile).map(\.id))
        let company = snapshot.company.currency.id
        let moves = snapshot.moves
        var positions = IDPositions(count: moves.count, id: { moves[$0].id }, where: { moves[$0].state == .posted })
        for statement in snapshot.statementLines { positions.remove(statement.moveID) }
        var found: [OpenItem] = []
        for line in snapshot.lines where reconcilable.contains(line.accountID) {
            guard include(line), let position = positions[line.moveID] else { continue }
            let balance = line.debit.minorUnits - line.credit.minorUnits
            let residual = original ? balance : line.amountResidual.minorUnits
            // Foreign-currency residual: pro rata of the original foreign amount (exact when fully open).
            let inCurrency: Int64
            if line.currencyID == company || balance == 0 {
                inCurrency = residual
            } else {
                inCurrency = residual == balance ? line.amountCurrency.minorUnits
                    : Self.proRata(line.amountCurrency.minorUnits, residual, balance)
            }
            found.append(OpenItem(lineID: line.id, moveID: moves[position].id, moveName: moves[position].name, moveRef: moves[position].ref,
                                  accountID: line.accountID, partnerID: line.partnerID ?? moves[position].partnerID, residual: residual,
                                  residualInCurrency: inCurrency, currencyID: line.currencyID, date: line.date, dueDate: moves[position].dueDate))
        }
        return found
    }
}
