import CloseSettings
import CloseStore
import FirmWork
import Foundation
import JobQueue
import Ledger
import OdooSimulator
import PostgresSupport
import Testing

/// `closer worker` against the simulated Odoo and a real PostgreSQL queue: tenants closed end to end by
/// workers side by side, each in its own store; a dead worker's job finished by another; a drain that gives
/// the job back.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct FirmWorkerTests {
    static let period = try! Period(parsing: "2026-10")
    static let payload = CloseJobPayload(asOf: LocalDate(year: 2026, month: 11, day: 5))

    /// A tenants file naming the simulator's databases (the password in an environment variable), and a runner
    /// whose stores live in a fresh folder.
    static func firm(_ simulator: OdooSimulator) throws -> (TenantsFile, TenantStepRunner) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firm-\(UUID().uuidString)")
        let text = "tenants:\n" + simulator.configuration.databaseNames.map { name in
            "  \(name):\n    odoo:\n      url: \(simulator.url.absoluteString)\n      database: \(name)\n      user: admin\n      password_env: SIM_ODOO_PASSWORD\n"
                + "    pull:\n      history_months: 3\n    owner: anna\n"
        }.joined()
        let file = try TenantsFile(path: folder.appendingPathComponent("tenants.yaml").path, text: text)
        return (file, TenantStepRunner(stores: folder.appendingPathComponent("stores"), storeServer: TestStore.tenantServer(), environment: ["SIM_ODOO_PASSWORD": SimulatorConfiguration.password]))
    }

    static func worker(_ name: String, _ queue: any JobQueue, _ file: TenantsFile, _ runner: TenantStepRunner,
                       lease: Duration = .seconds(60), grace: Duration = .seconds(30), idle: Duration = .seconds(2)) -> FirmWorker {
        FirmWorker(name: name, queue: queue, tenants: file, runner: runner, leaseDuration: lease, drainGrace: grace, exitWhenIdleFor: idle)
    }

    @Test func twoWorkersCloseThreeTenantsEndToEndEachInItsOwnStore() async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 3, linesPerTenant: 2_000))
        defer { simulator.stop() }
        let (file, runner) = try Self.firm(simulator)
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy(perTenant: 1, perHost: 2)) { queue in
            let asked = try await CloseEnqueuer(queue: queue).enqueue(file.tenants, period: Self.period, payload: Self.payload)
            #expect(asked.allSatisfy(\.created) && asked.count == 3)
            let again = try await CloseEnqueuer(queue: queue).enqueue(file.tenants, period: Self.period, payload: Self.payload)
            #expect(again.allSatisfy { !$0.created }, "asking twice makes one close per tenant")

            async let first = Self.worker("w1", queue, file, runner).run(drain: DrainSignal())
            async let second = Self.worker("w2", queue, file, runner).run(drain: DrainSignal())
            let records = try await first + second
            #expect(records.count == 15 && records.allSatisfy { $0.outcome == .succeeded }, "\(records.filter { $0.outcome != .succeeded })")
            #expect(Set(records.map(\.job)).count == 15, "no job ran twice")
            #expect(try await queue.counts()[.succeeded] == 15)

            for tenant in file.tenants {
                let steps = records.filter { $0.tenant == tenant.id }.sorted { $0.job < $1.job }.map(\.kind)
                #expect(steps == CloseStep.sequence, "\(tenant.id): \(steps)")
                let generated = try #require(simulator.database(tenant.id)).snapshot
                let store = try AppDatabase.open(at: runner.storePath(of: tenant))
                let keys = try store.sourceKeys()
                #expect(keys.count == 1)
                let stored = try store.loadSnapshot(sourceKey: try #require(keys.first))
                let generatedLines = Dictionary(uniqueKeysWithValues: generated.lines.map { ($0.id, $0) })
                #expect(!stored.lines.isEmpty && stored.lines.allSatisfy { generatedLines[$0.id] == $0 },
                        "\(tenant.id)'s store holds its own database's lines, each as generated")
                #expect(try store.runs(kind: "check").count == 1)
                #expect(try store.verifyAuditTrail().isIntact)
                let packages = runner.stores.appendingPathComponent("\(tenant.id)-packages")
                let folders = try FileManager.default.contentsOfDirectory(atPath: packages.path)
                #expect(folders.count == 1 && folders[0].hasSuffix("-2026-10"))
                #expect(FileManager.default.fileExists(atPath: packages.appendingPathComponent(folders[0]).appendingPathComponent("close-package.html").path))
            }
        }
    }

    /// A worker paused past its lease, and replaced, resumes its step: the tenant's store refuses its writes.
    @Test func aStepUnderAReplacedLeaseWritesNothingToTheStore() async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000))
        defer { simulator.stop() }
        let (file, runner) = try Self.firm(simulator)
        let tenant = file.tenants[0]
        _ = try await runner.run(.pull, for: tenant, period: Self.period, payload: Self.payload, fence: StoreFence(job: "job 1", token: 1))
        let store = try AppDatabase.open(at: runner.storePath(of: tenant))
        _ = try store.fenced(by: StoreFence(job: "job 2", token: 2))   // the check's second lease, taken while the first slept

        await #expect(throws: StoreError.self) {
            try await runner.run(.check, for: tenant, period: Self.period, payload: Self.payload, fence: StoreFence(job: "job 2", token: 1))
        }
        #expect(try store.runs(kind: "check").isEmpty, "the stale lease's check left no run behind")
        _ = try await runner.run(.check, for: tenant, period: Self.period, payload: Self.payload, fence: StoreFence(job: "job 2", token: 2))
        #expect(try store.runs(kind: "check").count == 1)
        #expect(try store.verifyAuditTrail().isIntact)
    }

    @Test func aKilledWorkersJobIsFinishedByAnotherOnceItsLeaseExpires() async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000))
        defer { simulator.stop() }
        let (file, runner) = try Self.firm(simulator)
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let pull = try #require(try await CloseEnqueuer(queue: queue).enqueue(file.tenants, period: Self.period, payload: Self.payload).first).job
            // What a worker killed with -9 leaves: a lease nobody extends or completes.
            let dead = try #require(try await queue.lease(worker: "killed", for: .seconds(1), kinds: Set(CloseStep.sequence)))
            #expect(dead.job.id == pull.id)

            let records = try await Self.worker("survivor", queue, file, runner, lease: .seconds(30), idle: .seconds(4)).run(drain: DrainSignal())
            #expect(records.map(\.kind) == CloseStep.sequence && records.allSatisfy { $0.outcome == .succeeded })
            let finished = try #require(try await queue.job(pull.id))
            #expect(finished.state == .succeeded && finished.attempts == 2 && finished.leasedBy == nil)
            #expect(finished.lastError?.contains("the lease of killed expired") == true)
            await #expect(throws: JobQueueError.self, "the killed worker's lease writes nothing") { try await queue.complete(dead, .succeeded) }
            #expect(try await queue.counts()[.succeeded] == 5)
            let store = try AppDatabase.open(at: runner.storePath(of: try file.tenant("tenant1")))
            #expect(try store.verifyAuditTrail().isIntact)
            #expect(try store.runs(kind: "pull").filter { $0.status == .succeeded }.count == 1)
        }
    }

    @Test func aDrainedWorkerGivesItsJobBackWhenTheGraceRunsOut() async throws {
        // Slow enough that the pull is still running when the drain's grace (none) ends.
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000, latencyPerCall: .milliseconds(400)))
        defer { simulator.stop() }
        let (file, runner) = try Self.firm(simulator)
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let pull = try #require(try await CloseEnqueuer(queue: queue).enqueue(file.tenants, period: Self.period, payload: Self.payload).first).job
            let drain = DrainSignal()
            let working = Task { try await Self.worker("stopping", queue, file, runner, grace: .zero).run(drain: drain) }
            while try await queue.job(pull.id)?.state != .leased { try await Task.sleep(for: .milliseconds(20)) }
            drain.request()
            let records = try await working.value
            #expect(records.map(\.outcome) == [.released])
            let back = try #require(try await queue.job(pull.id))
            #expect(back.state == .queued && back.attempts == 0, "given back, its attempt not spent")
            #expect(try await queue.counts()[.queued] == 1, "and no next step was asked for")
        }
    }
}
