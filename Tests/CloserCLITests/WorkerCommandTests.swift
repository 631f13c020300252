import CloseStore
import Foundation
import JobQueue
import OdooSimulator
import PostgresSupport
import Testing

/// `closer worker` and `closer enqueue` as processes: a worker killed with SIGKILL in the middle of a pull
/// leaves its job to another once the lease expires; SIGTERM drains a worker, giving its job back.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct WorkerCommandTests {
    /// A tenants file for the simulator's databases and the environment the commands need to reach the queue.
    static func firm(_ simulator: OdooSimulator, schema: String) throws -> (folder: URL, environment: [String: String]) {
        let folder = try CloserBinary.temporaryDirectory()
        let text = "tenants:\n" + simulator.configuration.databaseNames.map { name in
            "  \(name):\n    odoo:\n      url: \(simulator.url.absoluteString)\n      database: \(name)\n      user: admin\n      password_env: SIM_ODOO_PASSWORD\n"
                + "    pull:\n      history_months: 3\n"
        }.joined()
        try Data(text.utf8).write(to: folder.appendingPathComponent("tenants.yaml"))
        var environment = ["CLOSER_QUEUE_URL": PostgresTestServer.url ?? "", "CLOSER_TENANTS_FILE": folder.appendingPathComponent("tenants.yaml").path,
                           "SIM_ODOO_PASSWORD": SimulatorConfiguration.password]
        environment["CLOSER_STORE_SERVER"] = TestStore.tenantServer()
        return (folder, environment)
    }

    /// A `closer worker` process; what it prints goes to `output` when given.
    static func worker(_ name: String, schema: String, folder: URL, environment: [String: String], _ extra: [String],
                       output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CloserBinary.url
        process.arguments = ["worker", "--queue-schema", schema, "--stores", folder.appendingPathComponent("stores").path, "--name", name] + extra
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CLOSER_") }.merging(environment) { $1 }
        if let output {
            FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitUntil(_ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { Issue.record("gave up waiting"); return }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test func aWorkerKilledMidPullLeavesItsJobToAnotherAndTheTrailVerifies() async throws {
        // Slow enough that the pull is still running when the worker is killed.
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000, latencyPerCall: .milliseconds(250)))
        defer { simulator.stop() }
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let (folder, environment) = try Self.firm(simulator, schema: queue.schema)
            let enqueued = try await CloserBinary.run(["enqueue", "--queue-schema", queue.schema, "--period", "2026-10", "--as-of", "2026-11-05"],
                                                      environment: environment)
            #expect(enqueued.status == 0, "\(enqueued.all)")
            #expect(enqueued.stdout.contains("1 queued now"))
            let pull = try #require(try await queue.jobs(in: .queued, limit: 10).first)

            let doomed = try Self.worker("doomed", schema: queue.schema, folder: folder, environment: environment, ["--lease-seconds", "3"])
            try await Self.waitUntil { try await queue.job(pull.id)?.leasedBy == "doomed" }
            kill(doomed.processIdentifier, SIGKILL)
            try await CloserBinary.exit(of: doomed)
            #expect(doomed.terminationReason == .uncaughtSignal)
            // Usually the pull; a later step when the test looked late on a loaded machine.
            let held = try #require(try await queue.jobs(in: .leased, limit: 10).first { $0.leasedBy == "doomed" })

            let survivor = try Self.worker("survivor", schema: queue.schema, folder: folder, environment: environment,
                                           ["--lease-seconds", "30", "--exit-when-idle", "6"])
            try await CloserBinary.exit(of: survivor)
            #expect(survivor.terminationStatus == 0)
            let finished = try #require(try await queue.job(held.id))
            #expect(finished.state == .succeeded && finished.attempts == 2)
            #expect(finished.lastError?.contains("the lease of doomed expired") == true)
            #expect(try await queue.counts()[.succeeded] == 5, "pull, check, reconcile, propose and package, each once")

            let store = environment["CLOSER_STORE_SERVER"].map { AppDatabase.tenantStoreURL($0, tenant: "tenant1") }
                ?? folder.appendingPathComponent("stores/tenant1.sqlite").path
            let verified = try await CloserBinary.run(["audit", "verify", "--store", store])
            #expect(verified.status == 0, "\(verified.all)")
        }
    }

    /// The job the worker held when SIGTERM came back in the queue unspent. Which job that is comes from the
    /// worker's own report: on a loaded machine the test may look late, after the pull and while a later step runs.
    @Test func sigtermDrainsAWorkerWhichGivesItsJobBack() async throws {
        // Each Odoo call takes a second: the pull is still running when SIGTERM comes, unless the test is starved.
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000, latencyPerCall: .seconds(1)))
        defer { simulator.stop() }
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let (folder, environment) = try Self.firm(simulator, schema: queue.schema)
            #expect(try await CloserBinary.run(["enqueue", "--queue-schema", queue.schema, "--period", "2026-10"], environment: environment).status == 0)
            let pull = try #require(try await queue.jobs(in: .queued, limit: 10).first)

            let report = folder.appendingPathComponent("worker.json")
            let stopping = try Self.worker("stopping", schema: queue.schema, folder: folder, environment: environment,
                                           ["--drain-seconds", "0", "--json"], output: report)
            try await Self.waitUntil { try await queue.job(pull.id)?.leasedBy == "stopping" }
            stopping.terminate()   // SIGTERM
            try await CloserBinary.exit(of: stopping)
            #expect(stopping.terminationReason == .exit && stopping.terminationStatus == 0)

            struct Ran: Decodable { var job: Int64; var outcome: String }
            let ran = try JSONDecoder().decode([Ran].self, from: Data(contentsOf: report))
            let givenBack = try #require(ran.last, "the worker reported no job")
            #expect(givenBack.outcome == "released", "\(ran)")
            #expect(ran.dropLast().allSatisfy { $0.outcome == "succeeded" }, "\(ran)")
            let back = try #require(try await queue.job(givenBack.job))
            #expect(back.state == .queued && back.attempts == 0 && back.leasedBy == nil)
        }
    }
}
