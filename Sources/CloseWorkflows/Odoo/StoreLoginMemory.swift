import CloseStore
import FoundationEssentials
import OdooRPC

/// The store as the place a login's uid is kept between runs, so a run with a store does not authenticate again.
/// A store that cannot be read or written only costs an authentication, never the run.
struct StoreLoginMemory: OdooLoginMemory {
    let store: AppDatabase

    func rememberedUID(for endpoint: OdooEndpoint) -> Int? {
        try? store.odooLoginUID(url: endpoint.url.absoluteString, database: endpoint.database, login: endpoint.login)
    }

    func remember(uid: Int, for endpoint: OdooEndpoint) {
        try? store.keepOdooLoginUID(uid, url: endpoint.url.absoluteString, database: endpoint.database, login: endpoint.login)
    }

    func forget(_ endpoint: OdooEndpoint) {
        try? store.forgetOdooLogin(url: endpoint.url.absoluteString, database: endpoint.database, login: endpoint.login)
    }
}
