import CloseStore
import Foundation
import Hummingbird
import Markup

extension DashboardRoutes {
    /// The audit trail, latest first, under the verification of its whole hash chain.
    @Sendable func audit(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        let verification = try store.verifyAuditTrail(trusting: configuration.auditKeys)
        let limit = try request.integer("limit", default: 200, in: 1...5000)
        let actor = request.query("actor")
        let events = try store.auditEvents().reversed().filter { actor == nil || $0.actor == actor }.prefix(limit)
        let status: HTML = verification.isIntact
            ? #"<p class="notice" id="audit-status">Verified: all \#(verification.eventCount) events intact, the hash chain unbroken. \#(verification.anchoring.summary)</p>"#
            : """
              <div class="notice error" id="audit-status"><p>The audit trail does not verify: \(verification.problems.count) problems.</p>
              <ul>\(verification.problems.map { problem -> HTML in "<li>\(problem.description)</li>" })</ul></div>
              """
        let rows = events.map { event -> HTML in
            let targets = event.targets.map { "\($0.model) \($0.id)" + ($0.name.map { " \($0)" } ?? "") }.joined(separator: ", ")
            return """
                <tr><td class="num">\(event.seq)</td><td>\(event.recordedAt)</td><td>\(event.actor)</td><td>\(event.action)</td>
                <td>\(targets)</td><td>\(event.outcome)</td><td><small>\(event.payload)</small></td></tr>
                """
        }
        return HTMLPage(title: "Audit trail", session: session, body: """
            \(status)<form method="get" action="/audit"><label>Actor <input type="text" name="actor" value="\(actor)"></label>
            <button type="submit">Filter</button></form>
            <table id="audit"><tr><th>#</th><th>Recorded</th><th>Actor</th><th>Action</th><th>Records</th><th>Outcome</th><th>Details</th></tr>\(Array(rows))</table>
            """)
    }
}
