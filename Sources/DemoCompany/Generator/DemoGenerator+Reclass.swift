import Ledger

extension DemoGenerator {
    /// Misposted lines for the reclass proposer: the expense line of three regular bills of the close
    /// period re-pointed to a neighbouring account, as a bookkeeper picking the wrong one would.
    /// Planted last, by changing nothing but those lines' accounts, so every id, name, date and amount
    /// stays as it was; which bills is drawn from a random stream of its own. The amounts stay within
    /// what the wrong account usually carries (nothing for unusual-amount), and no vendor ever used
    /// its wrong account, so rare-account-partner rightly finds the lines too.
    mutating func plantMispostings() {
        let account = DemoChart.AccountID.self
        let mispostings: [(vendor: Int, label: String, right: Int, wrong: Int)] = [
            (vendors.freight, "Outbound freight", account.freight, account.travel),
            (vendors.office, "Office supplies", account.office, account.consulting),
            (vendors.travelAgency, "Customer visit travel", account.travel, account.freight),
        ]
        var random = DemoRandom(seed: options.seed ^ 0x5EC1_A55E)
        let alreadyPlanted = plantedMoves()
        for misposting in mispostings {
            let candidates = builder.moves.indices.filter {
                builder.moves[$0].journalID == DemoChart.JournalID.purchases && builder.moves[$0].partnerID == misposting.vendor
                    && builder.moves[$0].state == .posted && period.contains(builder.moves[$0].date) && !alreadyPlanted.contains($0)
            }.flatMap { move in
                linesOf(move).filter { builder.lines[$0].accountID == misposting.right && builder.lines[$0].label.hasPrefix(misposting.label) }
            }
            guard !candidates.isEmpty else { continue }
            let index = random.pick(candidates)
            builder.lines[index].accountID = misposting.wrong
            let vendor = partners[misposting.vendor - 1].name
            let right = DemoChart.accounts[misposting.right - 1].displayName, wrong = DemoChart.accounts[misposting.wrong - 1].displayName
            plant("reclass", [.line(index)], "{name} of \(vendor) is booked to \(wrong); its \(misposting.label.lowercased()) always went to \(right)",
                  amount: builder.lines[index].amount, account: misposting.right)
            plant("rare-account-partner", [.line(index)], "\(vendor) has never been booked to \(wrong) (a misposting, see reclass)")
        }
    }

    /// The entries some planted problem already names.
    private func plantedMoves() -> Set<Int> {
        Set(problems.flatMap(\.records).compactMap { record in
            switch record {
            case .move(let handle): handle
            case .line(let index): builder.moveOf(line: index)
            default: nil
            }
        })
    }
}
