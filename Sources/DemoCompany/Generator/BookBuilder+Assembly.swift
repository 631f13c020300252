import Ledger

/// The generated records with their final ids, and the maps from generation handles to those ids.
struct AssembledBook {
    var moves: [Move] = []
    var lines: [JournalLine] = []
    var statementLines: [StatementLine] = []
    /// Final move id of each move handle, final line id of each draft line, final id of each statement line handle.
    var moveID: [Int] = []
    var lineID: [Int] = []
    var statementLineID: [Int] = []
    /// For entries named after a planted gap: the name that was skipped.
    var skippedNames: [Int: String] = [:]
    var resolvedReferences: [String?] = []

    func moveName(_ handle: Int) -> String { moves[moveID[handle] - 1].name }
}

extension BookBuilder {
    /// Orders entries by creation time (ties by generation order), numbers them, names them from
    /// their journal's sequence in that order, and writes the Ledger values.
    func assemble() -> AssembledBook {
        moves.withUnsafeBufferPointer { moves in
            lines.withUnsafeBufferPointer { lines in
                assemble(moves: moves, lines: lines)
            }
        }
    }

    /// Works on buffer pointers: subscripting arrays of these large structs would copy each element.
    private func assemble(moves: UnsafeBufferPointer<DraftMove>, lines: UnsafeBufferPointer<DraftLine>) -> AssembledBook {
        var book = AssembledBook()
        let count = moves.count
        // Sort packed (creation second, handle) keys: comparing moves themselves would copy them.
        var keys = [Int64](repeating: 0, count: count)
        precondition(count < 1 << 24, "too many entries for the demo company")
        for handle in 0..<count { keys[handle] = moves[handle].createdAt.secondsSinceEpoch << 24 | Int64(handle) }
        keys.sort()
        let order = keys.map { Int($0 & 0xFF_FFFF) }
        book.moveID = [Int](repeating: 0, count: count)
        for (rank, handle) in order.enumerated() { book.moveID[handle] = rank + 1 }

        // Names, in creation order.
        var names = [String](repeating: "/", count: count)
        var counters: [Int: Int] = [:]
        var prefixes: [Int: String] = [:]
        for handle in order {
            guard moves[handle].state != .draft else { continue }
            if case .sameAs(let other) = moves[handle].naming {
                names[handle] = names[other]
                continue
            }
            let journalID = moves[handle].journalID, type = moves[handle].type, isPayment = moves[handle].isPayment
            let journal = DemoChart.journals[journalID - 1]
            let (year, month, _) = moves[handle].date.components
            let yearly = journal.type == .sale || journal.type == .bank || journal.type == .cash
            let refund = type == .customerRefund || type == .vendorRefund
            let key = ((journalID * 4 + (refund ? 1 : 0) + (isPayment ? 2 : 0)) * 10_000 + year) * 100 + (yearly ? 0 : month)
            let prefix: String
            if let known = prefixes[key] {
                prefix = known
            } else {
                prefix = (isPayment ? "P" : "") + (refund ? "R" : "") + journal.code + "/" + String(year) + "/"
                    + (yearly ? "" : Self.pad(month, 2) + "/")
                prefixes[key] = prefix
            }
            var number = (counters[key] ?? 0) + 1
            if case .afterGap = moves[handle].naming {
                book.skippedNames[handle] = prefix + Self.pad(number, yearly ? 5 : 4)
                number += 1
            }
            counters[key] = number
            names[handle] = prefix + Self.pad(number, yearly ? 5 : 4)
        }

        // Payment references quote invoice names.
        var noise = DemoRandom(seed: 0x5EED_0F_B4A4)
        book.resolvedReferences = references.map { resolve($0, names: names, random: &noise) }

        // Moves and lines, in id order.
        let usd = DemoChart.usd
        book.moves.reserveCapacity(count)
        book.lines.reserveCapacity(lines.count)
        book.lineID = [Int](repeating: 0, count: lines.count)
        for handle in order {
            let id = book.moveID[handle]
            let lineStart = moves[handle].lineStart, lineEnd = moves[handle].lineEnd
            let date = moves[handle].date, currency = moves[handle].currency
            var total: Int64 = 0, totalInCurrency: Int64 = 0, residual: Int64 = 0
            for index in lineStart..<lineEnd {
                let amount = lines[index].amount, bothSides = lines[index].bothSides, kind = lines[index].kind
                let amountCurrency = lines[index].amountCurrency, lineResidual = lines[index].residual
                let debit = max(amount, 0) + bothSides, credit = max(-amount, 0) + bothSides
                total += debit
                totalInCurrency += max(amountCurrency, 0)
                let isTerm = kind == .paymentTerm
                if isTerm { residual += abs(lineResidual) }
                let label: String
                let labelReference = lines[index].labelReference
                if labelReference >= 0 {
                    label = book.resolvedReferences[Int(labelReference)] ?? ""
                } else if isTerm && lines[index].label.isEmpty {
                    label = names[handle]
                } else {
                    label = lines[index].label
                }
                book.lineID[index] = book.lines.count + 1
                book.lines.append(JournalLine(
                    id: book.lines.count + 1, moveID: id, date: date, accountID: lines[index].accountID, partnerID: lines[index].partnerID,
                    label: label, debit: usd.money(debit), credit: usd.money(credit), amountCurrency: currency.money(amountCurrency),
                    currencyID: currency.id, analytic: lines[index].analytic, taxIDs: lines[index].taxIDs, reconciled: lines[index].reconciled,
                    amountResidual: usd.money(lineResidual), matchingNumber: Self.matchingNumber(lines[index].matching), kind: kind))
            }
            let move = moves[handle]
            book.moves.append(Move(
                id: id, name: names[handle], state: move.state, type: move.type, date: move.date, invoiceDate: move.invoiceDate,
                dueDate: move.dueDate, journalID: move.journalID, partnerID: move.partnerID, ref: move.ref, currencyID: move.currency.id,
                amountTotal: usd.money(total), amountTotalInCurrency: move.currency.money(totalInCurrency),
                amountResidual: usd.money(move.type.isInvoice ? residual : 0), paymentState: move.paymentState,
                audit: RecordAudit(createdBy: move.createdBy, createdAt: move.createdAt, writtenBy: move.writtenBy, writtenAt: move.writtenAt)))
        }

        // Statement lines, in the order of their entries.
        book.statementLines.reserveCapacity(statementLines.count)
        var statementOrder = Array(statementLines.indices)
        statementOrder.sort { book.moveID[statementLines[$0].move] < book.moveID[statementLines[$1].move] }
        book.statementLineID = [Int](repeating: 0, count: statementLines.count)
        for handle in statementOrder {
            let line = statementLines[handle]
            let id = book.statementLines.count + 1
            book.statementLineID[handle] = id
            book.statementLines.append(StatementLine(
                id: id, moveID: book.moveID[line.move], journalID: line.journalID, date: line.date,
                paymentRef: book.resolvedReferences[line.reference], partnerID: line.partnerID, partnerName: line.partnerName,
                accountNumber: line.accountNumber, amount: line.amount, isReconciled: line.isReconciled,
                amountResidual: line.isReconciled ? .zero(line.amount.currency, scale: line.amount.scale) : line.amount))
        }
        return book
    }

    private func resolve(_ reference: DeferredReference, names: [String], random: inout DemoRandom) -> String? {
        switch reference.style {
        case .missing: return nil
        case .text: return reference.text
        case .names: return reference.invoices.map { names[$0] }.joined(separator: ", ")
        case .spaced:
            return "Payment " + reference.invoices.map { String(names[$0].map { $0 == "/" ? " " : $0 }) }.joined(separator: " ")
        case .numbersOnly:
            return reference.invoices.map { (handle: Int) -> String in
                let name = names[handle]
                return name.split(separator: "/").last.map { String(Int($0) ?? 0) } ?? name
            }.joined(separator: "+")
        case .typo:
            var bytes = Array(names[reference.invoices[0]].utf8)
            let last = bytes.count - 1
            if bytes[last] != bytes[last - 1] && random.chance(50) {
                bytes.swapAt(last, last - 1)
            } else {
                bytes[last] = bytes[last] == UInt8(ascii: "9") ? UInt8(ascii: "0") : bytes[last] + 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func matchingNumber(_ value: Int) -> String? {
        value == 0 ? nil : (value > 0 ? "A" + String(value) : "P" + String(-value))
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
