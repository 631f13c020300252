@testable import DemoCompany
import Ledger

/// One default company shared by the tests (generation is deterministic, so sharing is safe).
enum DemoFixture {
    static let book = DemoCompany.generate()
    static var snapshot: LedgerSnapshot { book.snapshot }
    static var truth: GroundTruth { book.groundTruth }

    static let movesByID: [Int: Move] = Dictionary(uniqueKeysWithValues: snapshot.moves.map { ($0.id, $0) })
    static let linesByID: [Int: JournalLine] = Dictionary(uniqueKeysWithValues: snapshot.lines.map { ($0.id, $0) })
    static let accountsByID: [Int: Account] = Dictionary(uniqueKeysWithValues: snapshot.accounts.map { ($0.id, $0) })
    static let linesByMove: [Int: [JournalLine]] = Dictionary(grouping: snapshot.lines, by: \.moveID)

    static func planted(_ kind: String) -> Set<Int> { Set(truth.problems(of: kind).flatMap { $0.records.map(\.id) }) }
    static func account(code: String) -> Account { snapshot.accounts.first { $0.code == code }! }
    static func journal(code: String) -> Journal { snapshot.journals.first { $0.code == code }! }

    static func balance(of moveID: Int) -> Int64 {
        (linesByMove[moveID] ?? []).reduce(0) { $0 + $1.debit.minorUnits - $1.credit.minorUnits }
    }
}
