import Foundation
import Ledger

/// What was planted in the demo company, so that checks, matchers and proposers can be scored.
public struct GroundTruth: Sendable, Codable {
    public var seed: UInt64
    public var period: Period
    public var asOf: LocalDate
    public var problems: [PlantedProblem]
    /// How each statement line of the close period should be matched (including the unreconciled ones).
    public var bankMatches: [BankMatch]

    public var countsByKind: [String: Int] { problems.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 } }

    public func problems(of kind: String) -> [PlantedProblem] { problems.filter { $0.kind == kind } }

    /// Pretty, key-sorted JSON, so the file diffs cleanly between runs.
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}

/// One planted problem: a stable kind id (the check or detector expected to find it) and its records.
public struct PlantedProblem: Sendable, Codable, Hashable {
    public var kind: String
    public var records: [RecordRef]
    public var detail: String
    /// For accruals and prepaid releases: the amount a correct proposal should have.
    public var expectedAmount: Money?

    public init(kind: String, records: [RecordRef], detail: String, expectedAmount: Money? = nil) {
        self.kind = kind
        self.records = records
        self.detail = detail
        self.expectedAmount = expectedAmount
    }
}

/// A record as Odoo names it: model, id and display name.
public struct RecordRef: Sendable, Codable, Hashable {
    public var model: String
    public var id: Int
    public var name: String

    public init(model: String, id: Int, name: String) {
        self.model = model
        self.id = id
        self.name = name
    }
}

/// The right match for a bank statement line: the open items it settles (payment-term line ids),
/// the shape of the match, and any difference to write off (fee, rounding).
public struct BankMatch: Sendable, Codable, Hashable {
    public var statementLineID: Int
    public var shape: String
    public var openItemLineIDs: [Int]
    public var writeOff: Money?
    public var writeOffAccountID: Int?
    public var reconciledInBooks: Bool
}
