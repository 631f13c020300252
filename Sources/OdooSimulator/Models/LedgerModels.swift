import Foundation
import Ledger
import OdooRPC

/// account.move, account.move.line and account.bank.statement.line over the generated ledger's arrays,
/// with the fields Closer reads (and those its domains filter on) as Odoo 18 writes them on the wire.
enum LedgerModels {
    static func moves(_ lookups: LedgerLookups) -> SimulatedModel {
        let moves = lookups.moves
        return SimulatedModel(name: "account.move", fields: moveFields, count: moves.count, idAt: { moves[$0].id }) { index, field in
            let move = moves[index]
            switch field {
            case "id": return RPCValue(move.id)
            case "name", "display_name": return .string(move.name)
            case "state": return .string(move.state.rawValue)
            case "move_type": return .string(move.type.rawValue)
            case "date": return LedgerLookups.date(move.date)
            case "invoice_date": return LedgerLookups.date(move.invoiceDate)
            case "invoice_date_due": return LedgerLookups.date(move.dueDate)
            case "journal_id": return lookups.journal(move.journalID)
            case "company_id": return lookups.companyRef
            case "partner_id", "commercial_partner_id": return lookups.partner(move.partnerID)
            case "ref": return LedgerLookups.text(move.ref)
            case "currency_id": return lookups.currency(move.currencyID)
            case "amount_total_signed": return LedgerLookups.money(signed(move.amountTotal, move.type))
            case "amount_total": return LedgerLookups.money(move.amountTotalInCurrency)
            case "amount_residual_signed": return LedgerLookups.money(signed(move.amountResidual, move.type))
            case "payment_state": return move.paymentState.map { .string($0.rawValue) } ?? false
            case "create_uid": return LedgerLookups.user(move.audit.createdBy)
            case "create_date": return .string(move.audit.createdAt.description)
            case "write_uid": return LedgerLookups.user(move.audit.writtenBy)
            case "write_date": return .string(move.audit.writtenAt.description)
            default: return nil
            }
        }
    }

    static func lines(_ lines: [JournalLine], _ lookups: LedgerLookups) -> SimulatedModel {
        SimulatedModel(name: "account.move.line", fields: lineFields, count: lines.count, idAt: { lines[$0].id }) { index, field in
            let line = lines[index]
            switch field {
            case "id": return RPCValue(line.id)
            case "move_id": return lookups.move(reference: line.moveID)
            case "move_name": return .string(lookups.move(line.moveID)?.name ?? "/")
            case "parent_state": return .string(lookups.move(line.moveID)?.state.rawValue ?? "draft")
            case "journal_id": return lookups.move(line.moveID).map { lookups.journal($0.journalID) } ?? false
            case "company_id": return lookups.companyRef
            case "date": return LedgerLookups.date(line.date)
            case "account_id": return lookups.account(line.accountID)
            case "partner_id": return lookups.partner(line.partnerID)
            case "name": return LedgerLookups.text(line.label)
            case "debit": return LedgerLookups.money(line.debit)
            case "credit": return LedgerLookups.money(line.credit)
            case "balance": return LedgerLookups.money(line.balance)
            case "amount_currency": return LedgerLookups.money(line.amountCurrency)
            case "currency_id": return lookups.currency(line.currencyID)
            case "company_currency_id": return lookups.currency(lookups.company.currency.id)
            case "analytic_distribution": return line.analytic.map(distribution) ?? false
            case "tax_ids": return RPCValue(line.taxIDs)
            case "reconciled": return .bool(line.reconciled)
            case "amount_residual": return LedgerLookups.money(line.amountResidual)
            case "matching_number": return LedgerLookups.text(line.matchingNumber)
            case "display_type": return line.kind.map { .string($0.rawValue) } ?? false
            case "write_date", "create_date": return lookups.move(line.moveID).map { .string($0.audit.writtenAt.description) } ?? false
            default: return nil
            }
        }
    }

    static func statementLines(_ lines: [StatementLine], _ lookups: LedgerLookups) -> SimulatedModel {
        SimulatedModel(name: "account.bank.statement.line", fields: statementLineFields, count: lines.count, idAt: { lines[$0].id }) { index, field in
            let line = lines[index]
            switch field {
            case "id": return RPCValue(line.id)
            case "move_id": return lookups.move(reference: line.moveID)
            case "journal_id": return lookups.journal(line.journalID)
            case "company_id": return lookups.companyRef
            case "date": return LedgerLookups.date(line.date)
            case "payment_ref": return LedgerLookups.text(line.paymentRef)
            case "partner_id": return lookups.partner(line.partnerID)
            case "partner_name": return LedgerLookups.text(line.partnerName)
            case "account_number": return LedgerLookups.text(line.accountNumber)
            case "amount": return LedgerLookups.money(line.amount)
            // The journal's currency, else the company's: what Odoo 18 computes for a statement line.
            case "currency_id": return lookups.currency(lookups.journals[line.journalID]?.currencyID ?? lookups.company.currency.id)
            case "foreign_currency_id": return line.foreignAmount.map { lookups.currency(code: $0.currency) } ?? false
            case "amount_currency": return line.foreignAmount.map(LedgerLookups.money) ?? .double(WireNumber(mantissa: 0, exponent: 0))
            case "is_reconciled": return .bool(line.isReconciled)
            case "amount_residual": return LedgerLookups.money(line.amountResidual ?? (line.isReconciled ? .zero(line.amount.currency, scale: line.amount.scale) : line.amount))
            case "write_date", "create_date": return lookups.move(line.moveID).map { .string($0.audit.writtenAt.description) } ?? false
            default: return nil
            }
        }
    }

    /// Odoo signs totals by direction: negative for what the company owes or gives back (bills, credit notes).
    private static func signed(_ amount: Money, _ type: MoveType) -> Money {
        ["in_invoice", "out_refund", "in_receipt"].contains(type.rawValue) ? amount.magnitude.negated : amount.magnitude
    }

    /// {"12": 100.0} or {"12,31": 50.0, …}.
    private static func distribution(_ analytic: AnalyticDistribution) -> RPCValue {
        .structure(RPCStruct(analytic.shares.map { share in
            (share.accountIDs.map(String.init).joined(separator: ","),
             RPCValue.double(WireNumber(text: "\(share.percent)") ?? WireNumber(mantissa: 0, exponent: 0)))
        }))
    }

    static let moveFields: [(name: String, type: String)] = [
        ("name", "char"), ("display_name", "char"), ("state", "selection"), ("move_type", "selection"), ("date", "date"), ("invoice_date", "date"),
        ("invoice_date_due", "date"), ("journal_id", "many2one"), ("company_id", "many2one"), ("partner_id", "many2one"),
        ("commercial_partner_id", "many2one"), ("ref", "char"), ("currency_id", "many2one"), ("amount_total_signed", "monetary"),
        ("amount_total", "monetary"), ("amount_residual_signed", "monetary"), ("payment_state", "selection"), ("create_uid", "many2one"),
        ("create_date", "datetime"), ("write_uid", "many2one"), ("write_date", "datetime"),
    ]

    static let lineFields: [(name: String, type: String)] = [
        ("move_id", "many2one"), ("move_name", "char"), ("parent_state", "selection"), ("journal_id", "many2one"), ("company_id", "many2one"),
        ("date", "date"), ("account_id", "many2one"), ("partner_id", "many2one"), ("name", "char"), ("debit", "monetary"), ("credit", "monetary"),
        ("balance", "monetary"), ("amount_currency", "monetary"), ("currency_id", "many2one"), ("company_currency_id", "many2one"),
        ("analytic_distribution", "json"), ("tax_ids", "many2many"), ("reconciled", "boolean"), ("amount_residual", "monetary"),
        ("matching_number", "char"), ("display_type", "selection"), ("create_date", "datetime"), ("write_date", "datetime"),
    ]

    static let statementLineFields: [(name: String, type: String)] = [
        ("move_id", "many2one"), ("journal_id", "many2one"), ("company_id", "many2one"), ("date", "date"), ("payment_ref", "char"),
        ("partner_id", "many2one"), ("partner_name", "char"), ("account_number", "char"), ("amount", "monetary"), ("currency_id", "many2one"),
        ("foreign_currency_id", "many2one"), ("amount_currency", "monetary"), ("is_reconciled", "boolean"), ("amount_residual", "monetary"),
        ("create_date", "datetime"), ("write_date", "datetime"),
    ]
}
