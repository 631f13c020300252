/// Where a client's user id is kept between runs, so that a run need not `authenticate`: Odoo hashes the
/// password on every `authenticate` (600,000 PBKDF2 rounds on 18, about a second), while the credential
/// check of an ordinary call is cached per server process once it has passed. The uid is no secret; the
/// password is never kept. A memory that cannot read or write simply forgets: it is a cache.
public protocol OdooLoginMemory: Sendable {
    /// The uid `endpoint.login` had on `endpoint.database` at `endpoint.url` when last authenticated.
    func rememberedUID(for endpoint: OdooEndpoint) -> Int?
    func remember(uid: Int, for endpoint: OdooEndpoint)
    func forget(_ endpoint: OdooEndpoint)
}
