import CloseStore
import Testing

/// A firm's tenant's store is the schema named as the tenant, prefixed when the server URL names a schema, so two firms
/// (or a trial and a live run) can share one database; the rest of the URL is kept as given.
@Suite struct TenantStoreURLTests {
    @Test func aTenantsSchemaIsItsIdOrPrefixedByTheServersSchema() {
        #expect(AppDatabase.tenantStoreURL("postgres://closer:pw@db:5432/stores", tenant: "acme") == "postgres://closer:pw@db:5432/stores?schema=acme")
        #expect(AppDatabase.tenantStoreURL("postgres://closer:pw@db:5432/stores?schema=trial", tenant: "acme")
                == "postgres://closer:pw@db:5432/stores?schema=trial_acme")
        #expect(AppDatabase.tenantStoreURL("postgres://closer:pw@db/stores?sslmode=require&schema=live", tenant: "globex-2")
                == "postgres://closer:pw@db/stores?sslmode=require&schema=live_globex-2")
    }
}
