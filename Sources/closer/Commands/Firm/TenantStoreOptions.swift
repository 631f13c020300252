import ArgumentParser
import FirmWork
import Foundation

/// Where the workers keep the tenants' stores, for `closer worker` and `closer firm-console` alike.
struct TenantStoreOptions: ParsableArguments {
    @Option(help: "The folder of each tenant's store (<tenant>.sqlite, unless --store-server) and of its packages.")
    var stores = ".closer/tenants"
    @Option(help: "Keep each tenant's store on this PostgreSQL, in a schema named as the tenant (prefixed PREFIX_ with ?schema=PREFIX): postgres://USER:PASSWORD@HOST:PORT/DATABASE (env CLOSER_STORE_SERVER; prefer the environment, it holds a password).")
    var storeServer: String?

    func runner() -> TenantStepRunner {
        TenantStepRunner(stores: URL(fileURLWithPath: stores, isDirectory: true),
                         storeServer: storeServer ?? ProcessInfo.processInfo.environment["CLOSER_STORE_SERVER"])
    }
}
