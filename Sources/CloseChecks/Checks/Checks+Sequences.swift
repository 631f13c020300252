import Ledger

/// Checks on entry numbering: per journal and name prefix (the name up to its last "/", such as
/// "BILL/2026/10/"), the numbers of posted entries should run without gaps and never repeat.
/// Only sequences that have an entry dated in the period are looked at; unnamed entries ("/") are ignored.
extension Check {
    static let sequenceGap = Check(id: "sequence-gap", title: "Gaps in entry numbering",
        explanation: "Gaps in the numbering of posted entries per journal and sequence prefix: a deleted or renumbered "
            + "entry that auditors will ask about.",
        severity: .warning) { context in
        var issues: [Issue] = []
        for sequence in context.shared.entrySequences(context).sequences {
            // Numbers in order; the first entry carrying each number.
            let numbered = sequence.entries.filter { $0.number != nil }.sorted { ($0.number!, $0.moveID) < ($1.number!, $1.moveID) }
            for (previous, next) in zip(numbered, numbered.dropFirst()) where next.number! > previous.number! + 1 {
                let first = previous.number! + 1, last = next.number! - 1
                let move = context.snapshot.moves[next.position]
                let width = next.digits
                let missing = first == last ? sequence.prefix + pad(first, width)
                    : sequence.prefix + pad(first, width) + " to " + sequence.prefix + pad(last, width)
                issues.append(Issue(
                    records: [context.record(move)],
                    message: "\(missing) \(first == last ? "is" : "are") missing from the \(context.journalCode(sequence.journalID)) sequence "
                        + "before \(context.describe(move)): find the deleted or renumbered entr\(first == last ? "y" : "ies") and document why.",
                    evidence: ["missing": missing, "missingCount": String(last - first + 1), "next": move.name,
                               "previous": context.snapshot.moves[previous.position].name]))
            }
        }
        return issues
    }

    static let sequenceDuplicate = Check(id: "sequence-duplicate", title: "Entry numbers used twice",
        explanation: "The same entry number used by more than one entry of a journal.", severity: .blocking) { context in
        var issues: [Issue] = []
        for sequence in context.shared.entrySequences(context).sequences {
            let byName = Dictionary(grouping: sequence.entries, by: { context.snapshot.moves[$0.position].name })
            for (name, entries) in byName where entries.count > 1 {
                let moves = entries.sorted { $0.moveID < $1.moveID }.map { context.snapshot.moves[$0.position] }
                issues.append(Issue(
                    records: moves.map(context.record),
                    message: "\(name) is used by \(moves.count) posted entries (\(moves.map { "id \($0.id) dated \($0.date)" }.joined(separator: ", "))): "
                        + "reset the later one to draft and renumber it.",
                    evidence: ["name": name, "moveIDs": moves.map { String($0.id) }.joined(separator: ",")]))
            }
        }
        return issues
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// Posted, named entries grouped by journal and name prefix, for the sequences used in the period.
struct EntrySequences {
    struct Entry {
        var position: Int
        var moveID: Int
        /// The trailing number, when the name ends in digits after its last "/".
        var number: Int?
        var digits: Int
    }

    struct Sequence {
        var journalID: Int
        var prefix: String
        var entries: [Entry]
    }

    struct Key: Hashable {
        var journalID: Int
        var prefix: Substring
    }

    var sequences: [Sequence] = []

    init(_ context: CheckContext) {
        var groups: [Key: [Entry]] = [:]
        var inPeriod = Set<Key>()
        let moves = context.snapshot.moves
        for position in moves.indices where moves[position].state == .posted {
            let name = moves[position].name
            guard name != "/" else { continue }
            let slash = name.utf8.lastIndex(of: UInt8(ascii: "/"))
            let prefix = slash.map { name[...$0] } ?? ""
            let suffix = slash.map { name.utf8[name.utf8.index(after: $0)...] } ?? name.utf8[...]
            var number: Int? = nil
            if !suffix.isEmpty && suffix.count <= 18 && suffix.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                number = suffix.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
            let key = Key(journalID: moves[position].journalID, prefix: prefix)
            groups[key, default: []].append(Entry(position: position, moveID: moves[position].id, number: number, digits: suffix.count))
            if context.period.contains(moves[position].date) { inPeriod.insert(key) }
        }
        sequences = groups.filter { inPeriod.contains($0.key) }
            .map { Sequence(journalID: $0.key.journalID, prefix: String($0.key.prefix), entries: $0.value) }
            .sorted { ($0.journalID, $0.prefix) < ($1.journalID, $1.prefix) }
    }
}
