import CloseSettings
import CloseWorkflows
import FirmDirectory
import Foundation
import Governance
import Hummingbird
import JobQueue
import Ledger
import Markup

/// The console's pages: a shell with the member's name, the heat map, a tenant's page and the sign-in form.
struct ConsolePage: ResponseGenerator {
    var title: String
    var member: FirmMember?
    var body: HTML

    func response() throws -> Response {
        let signOut: HTML = member.map { member in
            #"<form method="post" action="/sign-out"><span id="signed-in">\#(member.name) (\#(member.login))</span> <button>Sign out</button></form>"#
        } ?? ""
        let page: HTML = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(title) · Closer firm console</title>
            <style>\(Self.style)</style></head>
            <body><header><a href="/"><strong>Closer</strong> · firm console</a>\(signOut)</header><main><h1 id="title">\(title)</h1>\(body)</main></body></html>
            """
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: page.markup)))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response { try response() }

    static let style: HTML = """
        body{font:14px system-ui,sans-serif;margin:0;color:#222}header{display:flex;justify-content:space-between;padding:8px 16px;background:#234;color:#fff}
        header a{color:#fff;text-decoration:none}header form{margin:0}main{padding:8px 16px}table{border-collapse:collapse}
        th,td{padding:4px 8px;border:1px solid #ccc;text-align:left}td.ok{background:#d9f2d9}td.warn{background:#fff1bf}td.bad{background:#f8c9c4}
        td.none{background:#eee;color:#666}form.filters{margin:8px 0}form.filters label{margin-right:12px}ul.blockers li{margin:2px 0}
        """

    static func signIn(problem: String?) -> ConsolePage {
        let message: HTML = problem.map { #"<p class="problem" role="alert">\#($0)</p>"# } ?? ""
        return ConsolePage(title: "Sign in", member: nil, body: """
            \(message)<form method="post" action="/sign-in"><label>Your firm console token <input type="password" id="token" name="token" autocomplete="off" required></label>
            <button id="sign-in">Sign in</button></form><p>No token yet? Whoever runs the firm's Closer issues one with <code>closer firm-users token LOGIN</code>.</p>
            """)
    }

    static func heatMap(_ cards: [TenantCard], member: FirmMember, filter: HeatMapFilter, choices: (owners: [String], calendars: [String]),
                        asOf: LocalDate) -> ConsolePage {
        func menu(_ name: String, _ label: String, _ values: [String], _ chosen: String?) -> HTML {
            let options = values.map { value -> HTML in #"<option\#(value == chosen ? " selected" : "" as HTML)>\#(value)</option>"# }
            return #"<label>\#(label) <select name="\#(name)"><option value="">all</option>\#(options)</select></label>"#
        }
        let filters: HTML = """
            <form class="filters" method="get" action="/">\(menu("owner", "Owner", choices.owners, filter.owner))\(menu("calendar", "Calendar", choices.calendars, filter.calendar))
            <button>Filter</button></form>
            """
        guard !cards.isEmpty else {
            return ConsolePage(title: "Closes as of \(asOf)", member: member, body: "\(filters)<p>No tenant to show: the filters leave none, or the firm gives you none.</p>")
        }
        let rows = cards.map { card -> HTML in
            let cells = HTML(joining: HeatCell.row(card).map { cell -> HTML in #"<td class="\#(cell.heat.rawValue)">\#(cell.text)</td>"# })
            return """
                <tr id="tenant-\(card.tenant.id)"><th><a href="/tenants/\(card.tenant.id)">\(card.tenant.id)</a></th><td>\(card.tenant.owner ?? "—")</td>\
                <td>\(card.period?.description ?? "—")</td>\(cells)</tr>
                """
        }
        return ConsolePage(title: "Closes as of \(asOf)", member: member, body: """
            \(filters)<table id="heatmap" class="heatmap"><thead><tr><th>Tenant</th><th>Owner</th><th>Period</th><th>Readiness</th><th>Blockers</th>
            <th>Exceptions</th><th>Days to close</th><th>Queue</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
    }

    static func tenant(_ card: TenantCard, member: FirmMember, asOf: LocalDate) -> ConsolePage {
        let cells = HeatCell.row(card)
        let summary = HTML(joining: zip(["Readiness", "Blockers", "Exceptions", "Days to close", "Queue"], cells).map { name, cell -> HTML in
            #"<tr><th>\#(name)</th><td class="\#(cell.heat.rawValue)">\#(cell.text)</td></tr>"#
        })
        let blockers: HTML = card.status.map { status in
            status.blockers.isEmpty ? "<p>Nothing blocks the lock.</p>" : "<ul class=\"blockers\">\(status.blockers.map { "<li>\($0)</li>" as HTML })</ul>"
        } ?? "<p>Nothing pulled yet for this tenant.</p>"
        let jobs = card.jobs.map { job -> HTML in
            "<tr><td>\(job.id)</td><td>\(job.kind.rawValue)</td><td>\(job.period?.description ?? "")</td><td>\(job.state.rawValue)</td><td>\(job.attempts)</td><td>\(job.lastError ?? "")</td></tr>"
        }
        let roles = CloserRole.list(member.roles(in: card.tenant.id), joiner: "and")
        return ConsolePage(title: "\(card.tenant.id) · \(card.period?.description ?? "no period")", member: member, body: """
            <p>\(card.status?.companyName ?? "") · owner \(card.tenant.owner ?? "none") · \(card.tenant.calendar?.description ?? "no calendar")
            \(card.deadline.map { " · due \($0)" } ?? "") · you are \(roles) here</p>
            <table>\(summary)</table><h2>What blocks the lock</h2><div id="blockers">\(blockers)</div>
            <h2>Latest jobs</h2>\(jobs.isEmpty ? "<p>None yet.</p>" : "<table><tr><th>Job</th><th>Step</th><th>Period</th><th>State</th><th>Attempts</th><th>Last error</th></tr>\(jobs)</table>" as HTML)
            """)
    }
}
