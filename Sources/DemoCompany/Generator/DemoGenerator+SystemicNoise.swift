import Ledger

extension DemoGenerator {
    /// Noise a controller reads as one thing each, which checks rightly flag record by record: a bulk import of the
    /// month's customer invoices keyed in after the period ended (late postings all created on one day by one person),
    /// and a bank feed booking some payments on their weekend value dates (weekend postings in the bank journal).
    /// Planted last, from a stream of its own, so nothing else the generator draws moves; the ground truth lists them
    /// apart from the problems (`GroundTruth.systemicNoise`).
    mutating func plantSystemicNoise() {
        var noise = DemoRandom(seed: options.seed ^ 0x4E4F_4953_45)
        plantBulkImport(&noise)
        plantWeekendValueDates(&noise)
    }

    /// Handles of moves some planted problem or look-alike names: noise leaves them alone.
    var namedMoves: Set<Int> {
        Set((problems + lookAlikes).flatMap(\.records).compactMap { if case .move(let handle) = $0 { handle } else { nil } })
    }

    /// Some of the period's customer invoices, created by their usual author on one working day after the period ended.
    mutating func plantBulkImport(_ noise: inout DemoRandom) {
        let importDay = nextWeekday(from: period.end.adding(days: 4))
        guard importDay <= options.asOf else { return }
        let named = namedMoves
        let candidates = builder.moves.indices.filter { handle in
            let move = builder.moves[handle]
            return move.journalID == DemoChart.JournalID.sales && move.type == .customerInvoice && move.state == .posted && period.contains(move.date)
                && move.createdBy == DemoChart.Users.alice && !named.contains(handle)
        }
        let count = min(candidates.count, noise.int(8...14))
        guard count >= 5 else { return }
        var pool = candidates, imported: [Int] = []
        for _ in 0..<count { imported.append(pool.remove(at: noise.int(0...(pool.count - 1)))) }
        for (offset, handle) in imported.sorted().enumerated() {
            let at = Timestamp(date: importDay, hour: 16, minute: 2, second: offset)
            builder.editMove(handle) { move in
                move.createdAt = at
                if move.writtenAt.secondsSinceEpoch < at.secondsSinceEpoch { move.writtenAt = at; move.writtenBy = move.createdBy }
            }
        }
        systemicNoise.append(DraftProblem(kind: "late-posting", records: imported.sorted().map(DraftRecord.move),
                                          detail: "\(count) of the period's customer invoices imported by \(DemoChart.Users.alice.name) on \(importDay)",
                                          expectedAmount: nil, expectedAccountID: nil))
    }

    /// Reconciled Monday statement lines of the USD bank that the bank dated on the weekend before, keyed in on the Monday
    /// as before; only where every item they settle was already booked by then, and never a customer with a payment habit.
    mutating func plantWeekendValueDates(_ noise: inout DemoRandom) {
        let settled = Dictionary(bankMatches.map { ($0.statementLine, $0.openItems) }, uniquingKeysWith: { first, _ in first })
        let candidates = builder.statementLines.indices.compactMap { index -> (index: Int, date: LocalDate)? in
            let line = builder.statementLines[index]
            guard line.journalID == DemoChart.JournalID.bank, line.isReconciled, period.contains(line.date), line.date.isoWeekday == 1,
                  line.partnerID.map({ habits[$0] == nil }) ?? true else { return nil }
            let weekend = line.date.adding(days: noise.chance(50) ? -1 : -2)
            let items = settled[index] ?? []
            guard period.contains(weekend), items.allSatisfy({ builder.moves[builder.moveOf(line: $0)].date <= weekend }) else { return nil }
            return (index, weekend)
        }
        let count = min(candidates.count, noise.int(5...8))
        guard count >= 5 else { return }
        var pool = candidates, moved: [(index: Int, date: LocalDate)] = []
        for _ in 0..<count { moved.append(pool.remove(at: noise.int(0...(pool.count - 1)))) }
        moved.sort { $0.index < $1.index }
        for (index, date) in moved { builder.redate(statementLine: index, to: date) }
        systemicNoise.append(DraftProblem(kind: "weekend-posting", records: moved.map { .move(builder.statementLines[$0.index].move) },
                                          detail: "\(count) bank statement lines dated on the weekend the bank gave them, keyed in on the Monday",
                                          expectedAmount: nil, expectedAccountID: nil))
    }
}
