import Foundation
import Ledger

/// A planted problem as the generator records it, naming records by generation handle; resolved to
/// ids and names once the books are assembled.
struct DraftProblem {
    var kind: String
    var records: [DraftRecord]
    /// May contain "{name}" (the first record's final name) and "{skipped}" (the name a gap skipped).
    var detail: String
    var expectedAmount: Int64?
    var expectedAccountID: Int?
}

enum DraftRecord {
    case move(Int)
    case line(Int)
    case statementLine(Int)
    case journal(Int)
    case partner(Int)
    case account(Int)
}

/// A statement line's correct match, by generation handles.
struct DraftBankMatch {
    var statementLine: Int
    var shape: String
    var openItems: [Int]
    var writeOff: Int64?
    var writeOffAccountID: Int?
    var reconciled: Bool
    var counterpartStatementLine: Int?
}

extension DemoGenerator {
    func resolve(_ problem: DraftProblem, in book: AssembledBook) -> PlantedProblem {
        let records = problem.records.map { record -> RecordRef in
            switch record {
            case .move(let handle):
                let id = book.moveID[handle]
                return RecordRef(model: "account.move", id: id, name: book.moves[id - 1].name)
            case .line(let index):
                let id = book.lineID[index]
                let line = book.lines[id - 1]
                return RecordRef(model: "account.move.line", id: id, name: book.moves[line.moveID - 1].name + " " + line.label)
            case .statementLine(let handle):
                let id = book.statementLineID[handle]
                let line = book.statementLines[id - 1]
                return RecordRef(model: "account.bank.statement.line", id: id,
                                 name: book.moves[line.moveID - 1].name + (line.paymentRef.map { " " + $0 } ?? ""))
            case .journal(let id):
                return RecordRef(model: "account.journal", id: id, name: DemoChart.journals[id - 1].name)
            case .partner(let id):
                return RecordRef(model: "res.partner", id: id, name: partners[id - 1].name)
            case .account(let id):
                return RecordRef(model: "account.account", id: id, name: DemoChart.accounts[id - 1].displayName)
            }
        }
        var detail = problem.detail
        if let first = records.first { detail = detail.replacingOccurrences(of: "{name}", with: first.name) }
        if case .move(let handle)? = problem.records.last, let skipped = book.skippedNames[handle] {
            detail = detail.replacingOccurrences(of: "{skipped}", with: skipped)
        }
        return PlantedProblem(kind: problem.kind, records: records, detail: detail, expectedAmount: problem.expectedAmount.map(DemoChart.usd.money),
                              expectedAccountID: problem.expectedAccountID)
    }
}
