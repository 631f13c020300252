import CloseStore
import CloseWorkflows
import Governance
import Ledger
import Markup
import Receivables

/// The sections of the `/collections` page for one ledger; the forms show only to users whose role may use them,
/// and every form carries the session's CSRF token.
struct CollectionsPageHTML {
    var source: SourceKey
    var session: WebSession

    private var query: String { HTML.query([("source", source.text)]) }
    private var roles: Set<CloserRole> { session.user.roles }

    private func may(_ action: CloserAction) -> Bool { !roles.isDisjoint(with: action.roles) }

    func worklist(_ report: CollectionsWorklistReport, limit: Int) -> HTML {
        let rows = report.entries.map { entry -> HTML in
            let prediction = entry.prediction, invoice = prediction.invoice
            var notes: [HTML] = []
            if let dispute = entry.dispute { notes.append("<br><small>disputed: \(dispute)</small>") }
            if let promised = entry.promisedOn { notes.append("<br><small>promised by \(promised)</small>") }
            return """
                <tr id="invoice-\(invoice.id)"><td>\(invoice.name)<br><small>#\(invoice.id)</small></td><td>\(invoice.customerName)<br><small>#\(invoice.customerID)</small></td>
                <td>\(invoice.dueDate)</td><td class="num">\(entry.daysOverdue)</td><td class="num">\(invoice.open)</td>
                <td class="num">\(prediction.probabilityBasisPoints / 100) %</td><td>\(prediction.predictedPayDate)</td>
                <td class="num">\(prediction.cashAtRisk)</td><td>\(entry.reason)\(notes)</td></tr>
                """
        }
        return """
            <h2>Worklist: the most cash at risk first</h2>
            <p>\(report.openInvoices) open customer invoices as of \(report.asOf): \(report.open) open, \(report.cashAtRisk) at risk \
            (open amount × probability of paying late, learned from this company's own payments). The first \(min(limit, report.entries.count)) \
            (<code>?limit=N</code> for more).</p>
            <table id="worklist"><tr><th>Invoice</th><th>Customer</th><th>Due</th><th>Days overdue</th><th>Open</th><th>P(late)</th>
            <th>Expected</th><th>At risk</th><th>Why</th></tr>\(rows)</table>
            """
    }

    func reminders(_ drafts: [CollectionReminder]) -> HTML {
        let draftForm: HTML = may(.draftReminders) ? """
            <form method="post" action="/collections/reminders/draft\(query)" class="decide">\(HTMLPage.csrfField(session))
            <button type="submit" id="draft-reminders">Draft reminders now</button></form>
            """ : ""
        let cards = drafts.map { reminder -> HTML in
            let draft = reminder.draft, level = draft.level
            let invoices = draft.items.map { item -> HTML in "<li>\(item.name): \(item.open), \(item.daysOverdue) days overdue</li>" }
            return """
                <div class="card" id="reminder-\(reminder.id)"><strong>\(draft.customerName)</strong> · level \(level.level) (\(level.tone.rawValue), \
                by \(level.channel.rawValue)) · signed by the \(level.signedBy.rawValue)\(draft.escalated ? " · escalated: a promise was broken" : "") · \
                \(draft.total)<ul>\(invoices)</ul><pre style="white-space:pre-wrap">\(reminder.letter)</pre>\(decideForm(reminder))</div>
                """
        }
        return """
            <h2>Reminder drafts waiting (\(drafts.count))</h2>
            <p>Nothing is sent without a person's approval; an approved email reminder goes out from the customer's chatter in Odoo where \
            Closer may write, a letter or a call is the collector's to make. A level the controller signs needs a controller.</p>
            \(draftForm)\(cards)
            """
    }

    /// Approve in one click (where the user's role may sign the level), or reject with a reason.
    private func decideForm(_ reminder: CollectionReminder) -> HTML {
        guard may(.approveReminders) else { return "" }
        let maySign = reminder.draft.level.signedBy == .collector || roles.contains(.controller)
        let approve: HTML = maySign
            ? #"<button type="submit" name="decision" value="approve" id="approve-reminder-\#(reminder.id)">Approve</button>"#
            : "<small>Signed by the controller: a controller approves it.</small>"
        return """
            <form method="post" action="/collections/reminders/\(reminder.id)/decide\(query)" class="decide">\(HTMLPage.csrfField(session))
            \(approve) <input type="text" name="reason" id="reject-reason-\(reminder.id)" placeholder="Why not (to reject)">
            <button type="submit" name="decision" value="reject" id="reject-reminder-\(reminder.id)">Reject</button></form>
            """
    }

    func promises(_ promises: [PromiseToPay]) -> HTML {
        let rows = promises.map { promise -> HTML in
            let invoices = promise.invoiceIDs.isEmpty ? "all open" : promise.invoiceIDs.map(String.init).joined(separator: ", ")
            return """
                <tr id="promise-\(promise.id)"><td>\(promise.customerName)</td><td>\(promise.promisedOn)</td><td class="num">\(promise.amount)</td>
                <td>\(invoices)</td><td>\(promise.note ?? "")</td><td>\(promise.recordedBy)</td></tr>
                """
        }
        return """
            <h2>Open promises to pay (\(promises.count))</h2>
            <table id="promises"><tr><th>Customer</th><th>By</th><th>Amount</th><th>Invoices</th><th>Note</th><th>Recorded by</th></tr>\(rows)</table>
            """
    }

    func disputes(_ disputes: [InvoiceDispute]) -> HTML {
        let rows = disputes.map { dispute -> HTML in
            let resolve: HTML = may(.recordCollections) ? """
                <form method="post" action="/collections/disputes/\(dispute.id)/resolve\(query)" class="decide">\(HTMLPage.csrfField(session))
                <input type="text" name="resolution" placeholder="How it was resolved"><button type="submit">Resolve</button></form>
                """ : ""
            return """
                <tr id="dispute-\(dispute.id)"><td>\(dispute.invoiceName)</td><td>\(dispute.customerName)</td><td>\(dispute.reason)</td>
                <td>\(dispute.ownerLogin ?? "the salesperson")</td><td>\(dispute.recordedBy)</td><td>\(resolve)</td></tr>
                """
        }
        return """
            <h2>Open disputes (\(disputes.count))</h2>
            <table id="disputes"><tr><th>Invoice</th><th>Customer</th><th>What is disputed</th><th>Owner</th><th>Recorded by</th><th></th></tr>\(rows)</table>
            """
    }

    /// Forms to record a promise to pay and a dispute, for those whose role records them.
    var recordForms: HTML {
        guard may(.recordCollections) else { return "" }
        return """
            <div class="columns"><div class="card"><h2>Record a promise to pay</h2>
            <form method="post" action="/collections/promises\(query)" id="record-promise">\(HTMLPage.csrfField(session))
            <p><label>Customer id <input type="text" name="customer"></label></p>
            <p><label>Pays by <input type="text" name="date" placeholder="YYYY-MM-DD"></label></p>
            <p><label>Amount <input type="text" name="amount" placeholder="all they have open"></label></p>
            <p><label>Invoice ids <input type="text" name="invoices" placeholder="every open invoice"></label></p>
            <p><label>Note <input type="text" name="note"></label></p><button type="submit">Record the promise</button></form></div>
            <div class="card"><h2>Record a dispute</h2>
            <form method="post" action="/collections/disputes\(query)" id="record-dispute">\(HTMLPage.csrfField(session))
            <p><label>Invoice id <input type="text" name="invoice"></label></p>
            <p><label>What is disputed <input type="text" name="reason"></label></p>
            <p><label>Owner (Odoo login) <input type="text" name="owner" placeholder="the invoice's salesperson"></label></p>
            <button type="submit">Record the dispute</button></form></div></div>
            """
    }
}
