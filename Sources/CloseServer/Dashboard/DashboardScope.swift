import CloseStore
import Ledger
import Foundation
import Hummingbird
import Markup

/// Which company and period a dashboard page shows: `source` and `period` from the address, else
/// the store's first company and the period the page finds most useful.
struct DashboardScope: Sendable {
    var source: SourceKey
    var companyName: String
    var period: Period?

    /// nil when nothing has been pulled yet.
    static func read(_ request: Request, store: AppDatabase, defaultPeriod: (SourceKey) throws -> Period?) throws -> DashboardScope? {
        guard let source = try request.namedSourceKey ?? store.sourceKeys().first else { return nil }
        let name = try store.company(sourceKey: source).name
        return DashboardScope(source: source, companyName: name, period: try request.period() ?? defaultPeriod(source))
    }

    /// The query string that keeps this scope on links between pages.
    var query: String { HTML.query([("source", source.text), ("period", period?.description)]) }

    var heading: HTML {
        #"<p>\#(companyName) <small>(\#(source))</small>\#(period.map { " · period \($0)" as String } ?? "")</p>"#
    }

    static let nothingPulled: HTML = "<p>Nothing has been pulled into this store yet: run <code>closer pull</code> (or <code>closer demo</code>) first.</p>"
}
