import Ledger

extension DemoGenerator {
    /// Turns planned payments (plus monthly bank fees and petty-cash top-ups) into bank statement
    /// lines in date order. Lines up to `reconciledThrough` are reconciled as an accountant would
    /// have done; later ones in the close period sit on the suspense account with their truth.
    mutating func makeBankActivity() {
        var month = firstMonth
        while month <= period {
            payments.append(PlannedPayment(kind: .bankFee, date: lastWeekday(of: month), openItems: [], amount: -2_500, shape: "bank-fee"))
            if month < period {
                payments.append(PlannedPayment(kind: .transfer, date: weekday(in: month, from: 2, to: 8), openItems: [], amount: -30_000,
                                                shape: "internal-transfer"))
            }
            month = month.next
        }
        let ordered = payments.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        for payment in ordered { makeStatementLine(for: payment) }
    }

    mutating func makeStatementLine(for payment: PlannedPayment) {
        let isEUR = payment.partnerID == eurCustomer && payment.kind == .customer
        let journal = isEUR ? DemoChart.JournalID.bankEUR : DemoChart.JournalID.bank
        let liquidity = isEUR ? DemoChart.AccountID.bankEUR : DemoChart.AccountID.bank
        let reconcile = payment.date <= reconciledThrough
        let items = payment.openItems
        let foreign = items.first.map { builder.lines[$0].amountCurrency.minorUnits } ?? payment.amount
        let statementAmount = isEUR ? foreign : payment.amount
        let currency = isEUR ? DemoChart.eur : DemoChart.usd
        let label = paymentReference(for: payment)

        var draft = EntryDraft(journalID: journal, date: payment.date, partnerID: reconcile ? payment.partnerID : nil, ref: label,
                               currency: currency, createdBy: DemoChart.Users.bob)
        draft.lines.append(LineDraft(accountID: liquidity, partnerID: reconcile ? payment.partnerID : nil, label: label ?? "",
                                     amount: payment.amount, amountCurrency: statementAmount, kind: nil))
        var settled: [(index: Int, amount: Int64)] = []
        if reconcile {
            settled = counterparts(for: payment, into: &draft, foreign: isEUR)
        } else {
            draft.lines.append(LineDraft(accountID: DemoChart.AccountID.suspense, label: label ?? "", amount: -payment.amount,
                                         amountCurrency: -statementAmount, kind: nil))
        }
        let move = builder.add(draft)
        let range = builder.lineRange(of: move)
        if reconcile && !settled.isEmpty {
            builder.reconcile(openItems: settled, counterparts: Array(range.dropFirst()).filter {
                [DemoChart.AccountID.receivable, DemoChart.AccountID.payable].contains(builder.lines[$0].accountID) })
        }
        let statementID = builder.nextStatementLineID
        let partnerName = payment.partnerID.map { bankName(of: $0) }
        let accountNumber = payment.partnerID.flatMap { random.chance(70) ? partners[$0 - 1].bankAccounts.first : nil }
        builder.addStatementLine(StatementLine(
            id: statementID, moveID: move, journalID: journal, date: payment.date, paymentRef: label,
            partnerID: reconcile ? payment.partnerID : nil, partnerName: partnerName, accountNumber: accountNumber,
            amount: currency.money(statementAmount), isReconciled: reconcile, amountResidual: currency.money(reconcile ? 0 : statementAmount)))
        if payment.date >= period.start {
            let difference = payment.kind == .bankFee ? -payment.amount : payment.fee - payment.rounding
            let account = payment.kind == .bankFee || payment.fee != 0 ? DemoChart.AccountID.bankFees
                : payment.rounding != 0 ? DemoChart.AccountID.roundingDifferences : nil
            bankMatches.append(BankMatch(
                statementLineID: statementID, shape: payment.shape, openItemLineIDs: items.map { builder.lines[$0].id },
                writeOff: difference != 0 ? DemoChart.usd.money(difference) : nil, writeOffAccountID: account, reconciledInBooks: reconcile))
        }
    }

    /// The counterpart lines of a reconciled statement line, and how much of each open item it settles.
    mutating func counterparts(for payment: PlannedPayment, into draft: inout EntryDraft, foreign: Bool) -> [(index: Int, amount: Int64)] {
        switch payment.kind {
        case .bankFee:
            draft.lines.append(LineDraft(accountID: DemoChart.AccountID.bankFees, label: "Bank fees", amount: -payment.amount,
                                         analytic: AnalyticDistribution([.init(accountIDs: [3], percent: 100)]), kind: nil))
            return []
        case .transfer:
            draft.lines.append(LineDraft(accountID: DemoChart.AccountID.transfer, label: "Transfer to petty cash", amount: -payment.amount, kind: nil))
            builder.add(EntryDraft(journalID: DemoChart.JournalID.pettyCash, date: payment.date, ref: "Petty cash top-up",
                                   createdBy: DemoChart.Users.bob, lines: [
                LineDraft(accountID: DemoChart.AccountID.pettyCash, label: "Petty cash top-up", amount: -payment.amount, kind: nil),
                LineDraft(accountID: DemoChart.AccountID.transfer, label: "Petty cash top-up", amount: payment.amount, kind: nil),
            ]))
            return []
        case .payroll:
            draft.lines.append(LineDraft(accountID: DemoChart.AccountID.salariesPayable, label: "Net salaries paid", amount: -payment.amount, kind: nil))
            return []
        case .customer, .vendor:
            var settled: [(index: Int, amount: Int64)] = []
            var remaining = payment.amount + payment.fee - payment.rounding
            for index in payment.openItems {
                let residual = builder.lines[index].amountResidual.minorUnits
                let share = payment.openItems.count == 1 ? remaining : residual
                remaining -= share
                let line = builder.lines[index]
                draft.lines.append(LineDraft(accountID: line.accountID, partnerID: payment.partnerID, label: builder.moves[line.moveID - 1].name,
                                             amount: -share, amountCurrency: foreign ? -line.amountCurrency.minorUnits : nil, kind: nil))
                settled.append((index, abs(share)))
            }
            if payment.fee != 0 {
                draft.lines.append(LineDraft(accountID: DemoChart.AccountID.bankFees, label: "Bank charges deducted", amount: payment.fee,
                                             analytic: AnalyticDistribution([.init(accountIDs: [3], percent: 100)]), kind: nil))
            }
            if payment.rounding != 0 {
                draft.lines.append(LineDraft(accountID: DemoChart.AccountID.roundingDifferences, label: "Payment difference",
                                             amount: -payment.rounding, analytic: AnalyticDistribution([.init(accountIDs: [3], percent: 100)]), kind: nil))
            }
            return settled
        }
    }

    /// What the bank shows as the payment reference: mostly the invoice number, sometimes mangled,
    /// sometimes missing altogether.
    mutating func paymentReference(for payment: PlannedPayment) -> String? {
        switch payment.kind {
        case .bankFee: return "Monthly account fee"
        case .transfer: return "Transfer to petty cash"
        case .payroll: return "SALARY RUN"
        case .vendor:
            let name = builder.moves[builder.lines[payment.openItems[0]].moveID - 1].ref ?? ""
            return random.chance(85) ? name : nil
        case .customer:
            let names = payment.openItems.map { builder.moves[builder.lines[$0].moveID - 1].name }
            let roll = random.int(0...99)
            if roll < 60 { return names.joined(separator: ", ") }
            if roll < 75 { return "Payment " + names.map { $0.replacingOccurrences(of: "/", with: " ") }.joined(separator: " ") }
            if roll < 85 { return names.map { String($0.split(separator: "/").last ?? "") }.joined(separator: "+") }
            return nil
        }
    }
}
