import Ledger

extension DemoGenerator {
    /// Turns planned payments (plus monthly bank fees, petty-cash top-ups and EUR sweeps) into
    /// bank statement lines in date order. Lines up to `reconciledThrough` are reconciled as an
    /// accountant would have done; later ones in the close period sit on the suspense account.
    mutating func makeBankActivity() {
        var month = firstMonth
        var index = 0
        while month <= period {
            let monthEnd = lastWeekday(of: month)
            payments.append(PlannedPayment(kind: .bankFee, date: monthEnd, openItems: [], amount: -2_500, shape: "bank-fee"))
            let rate = eurRate(in: month)
            payments.append(PlannedPayment(kind: .eurBankFee, date: monthEnd, openItems: [], amount: -(500 * rate / 100), foreign: -500,
                                           shape: "bank-fee"))
            if month < period {
                payments.append(PlannedPayment(kind: .pettyCash, date: weekday(in: month, from: 2, to: 8), openItems: [], amount: -30_000,
                                               shape: "internal-transfer"))
            }
            if index >= 2 {
                let euros = random.logUniform(500_000...1_200_000)
                payments.append(PlannedPayment(kind: .sweep, date: weekday(in: month, from: 2, to: 8), openItems: [], amount: -(euros * rate / 100),
                                               foreign: -euros, shape: "internal-transfer"))
            }
            month = month.next
            index += 1
        }
        // A customer payment of last month that nobody matched, its reference missing.
        if let forgotten = payments.indices.last(where: {
            payments[$0].kind == .customer && payments[$0].shape == "1:1" && payments[$0].amount > 0 && period.previous.contains(payments[$0].date) }) {
            payments[forgotten].leftOpen = true
            payments[forgotten].referenceStyle = .missing
        }
        retimeHabitualPayments()
        // A moved payment still takes its share of the bank's noise on the day chance gave it, and draws its own
        // statement line's noise from the habits' stream: every other statement line reads as it did before habits.
        let chanced = payments.indices.map { (date: payments[$0].drawnDate ?? payments[$0].date, index: $0, moved: 0) }
        let moved = payments.indices.filter { payments[$0].drawnDate != nil && payments[$0].date <= period.end }.map { (date: payments[$0].date, index: $0, moved: 1) }
        for event in (chanced + moved).sorted(by: { ($0.date, $0.index, $0.moved) < ($1.date, $1.index, $1.moved) }) {
            let payment = payments[event.index]
            if payment.drawnDate == nil {
                makeStatementLine(for: payment)
            } else if event.moved == 0 {
                takeStatementNoise(of: payment)
            } else {
                let main = random
                random = habitRandom
                makeStatementLine(for: payment)
                habitRandom = random
                random = main
            }
        }
    }

    /// What `makeStatementLine` draws for a customer payment, drawn and dropped: the reference's style,
    /// how the bank prints the name, whether it shows the account number.
    mutating func takeStatementNoise(of payment: PlannedPayment) {
        _ = reference(for: payment)
        _ = payment.partnerID.map { bankName(of: $0) }
        _ = random.chance(70)
    }

    mutating func makeStatementLine(for payment: PlannedPayment) {
        let account = DemoChart.AccountID.self
        let isEUR = payment.kind == .eurBankFee || payment.kind == .sweep || (payment.kind == .customer && payment.partnerID == eurCustomer)
        let journal = isEUR ? DemoChart.JournalID.bankEUR : DemoChart.JournalID.bank
        let liquidity = isEUR ? account.bankEUR : account.bank
        let currency = isEUR ? DemoChart.eur : DemoChart.usd
        var amount = payment.amount
        var statementAmount = payment.foreign ?? payment.amount
        var date = payment.date
        var openItems = payment.openItems
        let user = DemoChart.Users.bob

        if payment.kind == .vendor {
            // The bill was paid by a registered payment (account.payment, PBNK1/…) on its due date;
            // the bank shows the money leaving a few days later.
            let item = payment.openItems[0]
            let bill = builder.moveOf(line: item)
            let ref = builder.moves[bill].ref ?? ""
            let paid = builder.add(EntryDraft(journalID: DemoChart.JournalID.bank, date: payment.date, partnerID: payment.partnerID, ref: ref,
                                              createdBy: user, lines: [
                LineDraft(accountID: account.payable, partnerID: payment.partnerID, label: "Vendor payment " + ref, amount: -payment.amount),
                LineDraft(accountID: account.outstandingPayments, partnerID: payment.partnerID, label: "Vendor payment " + ref, amount: payment.amount),
            ]), isPayment: true)
            let range = builder.lineRange(of: paid)
            builder.reconcile(openItems: [(item, -payment.amount)], counterparts: [range.lowerBound], at: builder.moves[paid].createdAt,
                              by: user, settledState: .inPayment)
            date = nextWeekday(from: payment.date.adding(days: random.int(1...3)))
            guard date <= period.end else { return }
            openItems = [range.lowerBound + 1]
        }

        let reconcile = !payment.leftOpen && date <= reconciledThrough
        let reference = builder.addReference(reference(for: payment))
        let partner = reconcile ? payment.partnerID : nil
        var draft = EntryDraft(journalID: journal, date: date, partnerID: partner, currency: currency, createdBy: user)
        draft.lines.append(LineDraft(accountID: liquidity, partnerID: partner, label: "", amount: amount, amountCurrency: statementAmount))
        var settled: [(index: Int, amount: Int64)] = []
        var writeOff: Int64? = nil, writeOffAccount: Int? = nil
        if !reconcile {
            draft.lines.append(LineDraft(accountID: account.suspense, label: "", amount: -amount, amountCurrency: -statementAmount))
        } else {
            switch payment.kind {
            case .bankFee, .eurBankFee:
                draft.lines.append(LineDraft(accountID: account.bankFees, label: "", amount: -amount, amountCurrency: -statementAmount,
                                             analytic: DemoChart.administration))
            case .payroll:
                draft.lines.append(LineDraft(accountID: account.salariesPayable, label: "", amount: -amount))
            case .withholding:
                draft.lines.append(LineDraft(accountID: account.withholdings, partnerID: partner, label: "", amount: -amount))
            case .pettyCash, .sweep:
                draft.lines.append(LineDraft(accountID: account.transfer, label: "", amount: -amount, amountCurrency: -statementAmount))
            case .vendor:
                draft.lines.append(LineDraft(accountID: account.outstandingPayments, partnerID: partner, label: "", amount: -amount))
                settled = [(openItems[0], -amount)]
            case .customer:
                var remaining = payment.amount + payment.fee - payment.rounding
                for index in payment.openItems {
                    let line = builder.lines[index]
                    let share = payment.openItems.count == 1 ? remaining : line.residual
                    remaining -= share
                    draft.lines.append(LineDraft(accountID: line.accountID, partnerID: partner, label: "", amount: -share,
                                                 amountCurrency: isEUR ? -line.amountCurrency : nil))
                    settled.append((index, abs(share)))
                }
                if payment.fee != 0 {
                    draft.lines.append(LineDraft(accountID: account.bankFees, label: "Bank charges deducted", amount: payment.fee,
                                                 analytic: DemoChart.administration))
                    writeOff = payment.fee; writeOffAccount = account.bankFees
                }
                if payment.rounding != 0 {
                    draft.lines.append(LineDraft(accountID: account.roundingDifferences, label: "Payment difference", amount: -payment.rounding,
                                                 analytic: DemoChart.administration))
                    writeOff = -payment.rounding; writeOffAccount = account.roundingDifferences
                }
            }
        }
        let move = builder.add(draft, statementLabel: reference)
        let range = builder.lineRange(of: move)
        let created = builder.moves[move].createdAt
        if reconcile && !settled.isEmpty {
            let counterparts = Array(range.dropFirst().prefix(settled.count))
            builder.reconcile(openItems: settled, counterparts: counterparts, at: created, by: user)
            if payment.kind == .vendor {
                let bill = builder.moveOf(line: payment.openItems[0])
                builder.editMove(bill) { $0.paymentState = .paid }
                builder.touch(bill, at: created, by: user)
            }
        }
        if !reconcile && payment.fee != 0 { writeOff = payment.fee; writeOffAccount = account.bankFees }
        if !reconcile && payment.rounding != 0 { writeOff = -payment.rounding; writeOffAccount = account.roundingDifferences }
        if payment.kind == .bankFee || payment.kind == .eurBankFee { writeOff = -amount; writeOffAccount = account.bankFees }

        let statement = builder.addStatementLine(DraftStatementLine(
            move: move, journalID: journal, date: date, reference: reference, partnerID: partner,
            partnerName: payment.partnerID.map { bankName(of: $0) },
            accountNumber: payment.partnerID.flatMap { random.chance(70) ? partners[$0 - 1].bankAccounts.first : nil },
            amount: currency.money(statementAmount), isReconciled: reconcile))
        var match = DraftBankMatch(statementLine: statement, shape: payment.shape, openItems: openItems, writeOff: writeOff,
                                   writeOffAccountID: writeOffAccount, reconciled: reconcile)

        // Transfers: the other side is a petty-cash entry, or a statement line on the USD bank.
        if payment.kind == .pettyCash && reconcile {
            let cash = builder.add(EntryDraft(journalID: DemoChart.JournalID.pettyCash, date: date, ref: "Petty cash top-up", createdBy: user, lines: [
                LineDraft(accountID: account.pettyCash, label: "Petty cash top-up", amount: -amount),
                LineDraft(accountID: account.transfer, label: "Petty cash top-up", amount: amount),
            ]))
            let cashTransfer = builder.lineRange(of: cash).lowerBound + 1
            builder.reconcile(openItems: [(cashTransfer, -amount)], counterparts: [range.lowerBound + 1], at: builder.moves[cash].createdAt, by: user)
            match.openItems = [cashTransfer]
        }
        bankMatches.append(match)
        if payment.kind == .sweep && reconcile {
            amount = -amount
            statementAmount = amount
            let usdReference = builder.addReference(DeferredReference(style: .text, text: "INCOMING TRANSFER FROM OWN EUR ACCOUNT"))
            let usdMove = builder.add(EntryDraft(journalID: DemoChart.JournalID.bank, date: date, createdBy: user, lines: [
                LineDraft(accountID: account.bank, label: "", amount: amount),
                LineDraft(accountID: account.transfer, label: "", amount: -amount),
            ]), statementLabel: usdReference)
            let usdTransfer = builder.lineRange(of: usdMove).lowerBound + 1
            builder.reconcile(openItems: [(range.lowerBound + 1, amount)], counterparts: [usdTransfer], at: builder.moves[usdMove].createdAt, by: user)
            let usdStatement = builder.addStatementLine(DraftStatementLine(
                move: usdMove, journalID: DemoChart.JournalID.bank, date: date, reference: usdReference, partnerID: nil, partnerName: nil,
                accountNumber: DemoChart.eurIBAN, amount: DemoChart.usd.money(amount), isReconciled: true))
            bankMatches[bankMatches.count - 1].openItems = [usdTransfer]
            bankMatches[bankMatches.count - 1].counterpartStatementLine = usdStatement
            bankMatches.append(DraftBankMatch(statementLine: usdStatement, shape: "internal-transfer", openItems: [range.lowerBound + 1],
                                              reconciled: true, counterpartStatementLine: statement))
        }
    }

    /// What the bank shows as the payment reference: mostly the invoice number, sometimes mangled,
    /// sometimes missing altogether.
    mutating func reference(for payment: PlannedPayment) -> DeferredReference {
        switch payment.kind {
        case .bankFee: return DeferredReference(style: .text, text: "MONTHLY ACCOUNT FEE")
        case .eurBankFee: return DeferredReference(style: .text, text: "KONTOFUEHRUNGSGEBUEHR")
        case .pettyCash: return DeferredReference(style: .text, text: "CASH WITHDRAWAL PETTY CASH")
        case .sweep: return DeferredReference(style: .text, text: "TRANSFER TO OWN USD ACCOUNT")
        case .payroll: return DeferredReference(style: .text, text: "SALARY RUN " + Period(containing: payment.date).description)
        case .withholding: return DeferredReference(style: .text, text: "EFTPS FEDERAL TAX PAYMENT")
        case .vendor:
            let ref = builder.moves[builder.moveOf(line: payment.openItems[0])].ref ?? ""
            return random.chance(85) ? DeferredReference(style: .text, text: ref) : DeferredReference(style: .missing)
        case .customer:
            let invoices = payment.openItems.map { builder.moveOf(line: $0) }
            if let style = payment.referenceStyle { return DeferredReference(style: style, invoices: invoices) }
            let roll = random.int(0...99)
            let style: DeferredReference.Style = roll < 55 ? .names : roll < 67 ? .spaced : roll < 77 ? .numbersOnly : roll < 85 ? .typo : .missing
            return DeferredReference(style: style, invoices: invoices)
        }
    }
}
