import Crypto
import Governance
public import Ledger

/// A hash of what an entry says — accounts, partners, amounts, dates, labels, taxes, analytics and
/// state — but not of what changes legitimately after posting (residuals, reconciliation, payment
/// state, write stamps). Two pulls of an untouched posted entry give the same fingerprint; an
/// administrator rewriting a posted line gives a different one.
public enum MoveFingerprint {
    public static func of(_ move: Move, lines: some Sequence<JournalLine>) -> String {
        var text = [move.name, move.state.rawValue, move.type.rawValue, move.date.description,
                     move.invoiceDate?.description ?? "", move.dueDate?.description ?? "", String(move.journalID),
                     move.partnerID.map(String.init) ?? "", move.ref ?? "", String(move.currencyID),
                     String(move.amountTotal.minorUnits), String(move.amountTotalInCurrency.minorUnits)].joined(separator: "\u{1F}")
        for line in lines.sorted(by: { $0.id < $1.id }) {
            text += "\u{1E}" + [String(line.id), String(line.accountID), line.partnerID.map(String.init) ?? "", line.label,
                                String(line.debit.minorUnits), String(line.credit.minorUnits), String(line.amountCurrency.minorUnits),
                                String(line.currencyID), LedgerRows.analyticText(line.analytic) ?? "",
                                line.taxIDs.map(String.init).joined(separator: ","), line.kind?.rawValue ?? ""].joined(separator: "\u{1F}")
        }
        return SHA256.hex(text)
    }
}
