import CloseStore
import OdooRPC
import Foundation
import Hummingbird
import Markup
import Governance

/// A whole dashboard page: the layout (navigation, who is signed in, sign-out form) around a body,
/// sent with headers that keep it out of frames and caches and allow no outside resources.
struct HTMLPage: Sendable {
    var title: String
    var session: WebSession?
    var status: HTTPResponse.Status = .ok
    /// A sentence shown above the body: what just happened, or why it was refused.
    var notice: Notice?
    var body: HTML

    struct Notice: Sendable {
        var text: String
        var isError: Bool
    }

    static let sections: [(path: String, title: String)] = [
        ("/", "Overview"), ("/todo", "My work"), ("/findings", "Findings"), ("/proposals", "Proposals"), ("/reconciliation", "Reconciliation"),
        ("/checklist", "Checklist"), ("/payables", "Payables"), ("/collections", "Collections"), ("/collections/measures", "Receivables"),
        ("/operations", "Operations"), ("/payments", "Payments"), ("/payments/bank-changes", "Bank changes"), ("/expenses", "Expenses"),
        ("/duties", "Duties"),
        ("/audit", "Audit trail"), ("/package", "Close package"), ("/runs", "Runs"),
        ("/webhooks", "Webhooks"),
    ]

    var html: HTML {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Closer</title><style>\(Self.style)</style></head>
        <body>\(header)<main><h1>\(title)</h1>\(noticeHTML)\(body)</main></body></html>
        """
    }

    private var header: HTML {
        guard let session else { return "<header><strong>Closer</strong></header>" }
        let links = Self.sections.map { section -> HTML in #"<a href="\#(section.path)">\#(section.title)</a>"# }
        let roles = session.user.roles.sorted().map(\.rawValue).joined(separator: ", ")
        return """
            <header><strong>Closer</strong><nav>\(links)</nav>
            <form method="post" action="/logout" class="inline"><span id="signed-in">\(session.user.login) (\(roles))</span>
            \(Self.csrfField(session))<button type="submit">Sign out</button></form></header>
            """
    }

    private var noticeHTML: HTML {
        guard let notice else { return "" }
        return #"<p class="notice\#(notice.isError ? " error" : "")" id="notice">\#(notice.text)</p>"#
    }

    /// The hidden field every POST form carries; `SessionAuthenticator.verifyCSRF` checks it.
    static func csrfField(_ session: WebSession) -> HTML {
        #"<input type="hidden" name="csrf" value="\#(session.csrfToken)">"#
    }

    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        // Links into Odoo must not tell Odoo which dashboard page they came from.
        headers[.init("Referrer-Policy")!] = "no-referrer"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html.markup)))
    }

    private static let style: HTML = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
        header{display:flex;gap:1.5em;align-items:center;padding:.6em 1.2em;background:#1d2330;color:#fff;flex-wrap:wrap}
        header a{color:#cfe0ff;margin-right:1em;text-decoration:none}header form{margin-left:auto}
        main{padding:1em 1.5em;max-width:1200px}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
        table{border-collapse:collapse;width:100%;background:#fff;margin:.5em 0}
        th,td{border:1px solid #dde1e7;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#eef1f5}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .notice{padding:.6em .9em;background:#e6f4ea;border:1px solid #9cd2ab}.error{background:#fdecea;border-color:#f0a8a0}
        .columns{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}.card{background:#fff;border:1px solid #dde1e7;padding:.8em 1em;margin:.6em 0}
        .blocking,.rejected,.failed,.overdue{color:#b3261e;font-weight:600}.warning,.blocked{color:#9a6700}
        .approved,.applied,.done{color:#1e7b34;font-weight:600}.inline{display:inline}
        form.decide{margin:.4em 0}input[type=text],input[type=password]{padding:.3em;min-width:16em}button{padding:.3em .8em}
        progress{width:14em}
        """
}
