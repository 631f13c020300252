// swift-tools-version:6.1
import PackageDescription

// Layers, dependencies pointing down only (README "Architecture" draws them; scripts/check-layers.py
// fails CI when a file imports a module its target does not declare, or one of a layer not below its own).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let cryptoExtras = Target.Dependency.product(name: "_CryptoExtras", package: "swift-crypto")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let postgres = Target.Dependency.product(name: "PostgresNIO", package: "postgres-nio")
let metrics = Target.Dependency.product(name: "Metrics", package: "swift-metrics")
let prometheus = Target.Dependency.product(name: "Prometheus", package: "swift-prometheus")

let package = Package(
    name: "Closer",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "closer", targets: ["closer"]),
        .executable(name: "closer-bench", targets: ["CloserBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The HTTP server of `closer serve`; swift-configuration support is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        // Hummingbird's HTTP types, named here because the server's OpenAPI document imports them directly.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // The job queue's PostgreSQL engine (LISTEN/NOTIFY, pooled connections).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // `/metrics`: what the server records goes through swift-metrics into swift-prometheus' registry and text format.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Values and wire
        .target(name: "Ledger", swiftSettings: swiftSettings),
        .target(name: "OdooRPC", dependencies: [logging], swiftSettings: swiftSettings),
        .target(name: "Markup", swiftSettings: swiftSettings),
        // A minimal loopback HTTP server: the simulated Odoo's, and the tests' that drive real HTTP clients.
        .target(name: "LoopbackHTTP", swiftSettings: swiftSettings),
        // The firm's PostgreSQL reached one way by the queue, the directory and the store: the URL, frozen migrations.
        .target(name: "PostgresAccess", dependencies: [postgres, logging], swiftSettings: swiftSettings),
        // Pure rules and models (no I/O)
        .target(name: "CloseChecks", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "BankMatching", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "Payables", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "Receivables", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "Treasury", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "Expenses", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "Duties", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "Adjustments", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "DemoCompany", dependencies: ["Ledger"], swiftSettings: swiftSettings),
        .target(name: "Governance", dependencies: ["Ledger", "Adjustments", crypto, cryptoExtras], swiftSettings: swiftSettings),
        // Odoo records <-> Ledger values
        .target(name: "OdooLedger", dependencies: ["Ledger", "OdooRPC", "Adjustments", "Payables", "Receivables", "Treasury", "Expenses", "Duties", "Markup"], swiftSettings: swiftSettings),
        // A simulated Odoo on loopback serving generated companies, for scale runs (closer-bench odoo-sim)
        .target(name: "OdooSimulator", dependencies: ["Ledger", "OdooRPC", "DemoCompany", "LoopbackHTTP"], swiftSettings: swiftSettings),
        // Persistence
        .target(name: "CloseStore", dependencies: ["Ledger", "CloseChecks", "BankMatching", "Adjustments", "Payables", "Receivables", "Treasury", "Governance", "PostgresAccess", grdb, crypto, postgres, logging, nioCore, nioPosix],
                swiftSettings: swiftSettings),
        .target(name: "JobQueue", dependencies: ["Ledger", "PostgresAccess", postgres, logging], swiftSettings: swiftSettings),
        .target(name: "FirmDirectory", dependencies: ["Governance", "JobQueue", "PostgresAccess", postgres, logging, crypto], swiftSettings: swiftSettings),
        .target(name: "CloseSettings", dependencies: ["Ledger", "OdooRPC", "CloseChecks", "BankMatching", "Adjustments", "Payables", "Receivables", "Treasury", "Expenses", "Governance", crypto, yams],
                swiftSettings: swiftSettings),
        // Workflows
        .target(name: "CloseWorkflows", dependencies: [
            "Ledger", "OdooRPC", "OdooLedger", "CloseChecks", "BankMatching", "Adjustments", "Payables", "Receivables", "Treasury", "Expenses", "Duties", "Governance",
            "CloseStore", "CloseSettings", "Markup", logging, crypto, yams,
        ], swiftSettings: swiftSettings),
        .target(name: "Narratives", dependencies: ["Ledger", "OdooRPC", "CloseChecks", "CloseStore", "CloseSettings", "CloseWorkflows"], swiftSettings: swiftSettings),
        .target(name: "CloseReports", dependencies: [
            "Ledger", "CloseChecks", "BankMatching", "Adjustments", "Payables", "Receivables", "Governance", "CloseStore", "CloseSettings", "CloseWorkflows",
            "Markup",
        ], swiftSettings: swiftSettings),
        .target(name: "Automation", dependencies: [
            "Ledger", "OdooRPC", "CloseChecks", "BankMatching", "Adjustments", "Payables", "Receivables", "Governance", "CloseStore", "CloseSettings", "CloseWorkflows", logging, crypto,
            yams,
        ], swiftSettings: swiftSettings),
        .target(name: "CloseDemo", dependencies: [
            "Ledger", "OdooRPC", "OdooLedger", "DemoCompany", "CloseChecks", "BankMatching", "Adjustments", "Payables", "Receivables", "Treasury", "Expenses", "CloseStore",
            "CloseSettings", "CloseWorkflows",
        ], swiftSettings: swiftSettings),
        // Front ends
        .target(name: "CloseServer", dependencies: [
            "Ledger", "OdooRPC", "CloseChecks", "BankMatching", "Adjustments", "Governance", "CloseStore", "CloseSettings", "CloseWorkflows",
            "CloseReports", "Automation", "Markup", "Payables", "Receivables", "Treasury", "Expenses", "Duties", hummingbird, httpTypes, nioCore, logging,
            metrics, prometheus,
        ], swiftSettings: swiftSettings),
        .target(name: "FirmWork", dependencies: ["Ledger", "Governance", "CloseStore", "CloseSettings", "JobQueue", "FirmDirectory", "Markup", "CloseChecks", "OdooLedger", "CloseWorkflows", "CloseReports",
                                                hummingbird, httpTypes, logging, prometheus],
                swiftSettings: swiftSettings),
        .executableTarget(name: "closer", dependencies: [
            "Ledger", "OdooLedger", "CloseChecks", "BankMatching", "Adjustments", "Payables", "Receivables", "Treasury", "Expenses", "Duties", "DemoCompany", "Governance", "CloseStore", "CloseSettings",
            "CloseWorkflows", "Narratives", "CloseReports", "Automation", "CloseDemo", "CloseServer", "JobQueue", "FirmDirectory", "FirmWork", "PostgresAccess", argumentParser, logging, postgres,
        ], swiftSettings: swiftSettings),
        .executableTarget(name: "CloserBench", dependencies: ["Ledger", "OdooRPC", "CloseChecks", "BankMatching", "Payables", "Receivables", "Treasury", "DemoCompany",
                                                            "JobQueue", "OdooSimulator", "PostgresAccess", postgres],
                          swiftSettings: swiftSettings),
        // An in-memory Odoo 18 for the write paths, and the fault-injecting proxy the fault matrix puts in front of it.
        .target(name: "FakeOdoo", dependencies: ["LoopbackHTTP", "OdooRPC", "OdooSimulator"], path: "Tests/FakeOdoo", swiftSettings: swiftSettings),
        // The mutation fuzzer the parsers' fuzz tests share (CLOSER_FUZZ_SECONDS for long runs).
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport", swiftSettings: swiftSettings),
        // The tests' real PostgreSQL: a schema per test, for the queue's and the firm workers' suites.
        .target(name: "PostgresSupport", dependencies: ["JobQueue", "PostgresAccess", "CloseStore", postgres], path: "Tests/PostgresSupport", swiftSettings: swiftSettings),
        .target(name: "BrowserSupport", path: "Tests/BrowserSupport", swiftSettings: swiftSettings),
        .target(name: "SchemaValidation", path: "Tests/SchemaValidation", exclude: ["Schemas"], swiftSettings: swiftSettings),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "FuzzSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "OdooRPCTests", dependencies: ["OdooRPC", "Ledger", "LoopbackHTTP", "FuzzSupport"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "OdooLedgerTests", dependencies: ["OdooLedger", "Ledger", "OdooRPC", "Payables", "LoopbackHTTP"], swiftSettings: swiftSettings),
        .testTarget(name: "CloseChecksTests", dependencies: ["CloseChecks", "Ledger", "DemoCompany"], swiftSettings: swiftSettings),
        .testTarget(name: "DemoCompanyTests", dependencies: ["DemoCompany", "Receivables", "Treasury", "Ledger"], swiftSettings: swiftSettings),
        .testTarget(name: "AdjustmentsTests", dependencies: ["Adjustments", "DemoCompany", "Ledger"], swiftSettings: swiftSettings),
        .testTarget(name: "PayablesTests", dependencies: ["Payables", "DemoCompany", "Ledger", "FuzzSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ReceivablesTests", dependencies: ["Receivables", "Ledger"], swiftSettings: swiftSettings),
        .testTarget(name: "ExpensesTests", dependencies: ["Expenses", "Ledger"], swiftSettings: swiftSettings),
        .testTarget(name: "DutiesTests", dependencies: ["Duties", "Ledger"], swiftSettings: swiftSettings),
        .testTarget(name: "TreasuryTests", dependencies: ["Treasury", "Ledger", "SchemaValidation"], swiftSettings: swiftSettings),
        .testTarget(name: "BankMatchingTests", dependencies: ["BankMatching", "CloserBench", "DemoCompany", "Ledger", "FuzzSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CloseStoreTests", dependencies: ["CloseStore", "CloseChecks", "Adjustments", "Payables", "Receivables", "Governance", "Ledger", "PostgresAccess", "PostgresSupport", grdb],
                    swiftSettings: swiftSettings),
        .testTarget(name: "CloseDemoTests", dependencies: ["CloseDemo", "CloseChecks", "CloseWorkflows", "DemoCompany", "CloseSettings", "Payables", "Treasury", "Expenses", "Ledger", "OdooLedger", "OdooRPC", "PostgresSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "WorkflowTests", dependencies: [
            "Ledger", "OdooRPC", "OdooLedger", "DemoCompany", "CloseChecks", "BankMatching", "Adjustments", "Payables", "Receivables", "Treasury", "Expenses", "Duties", "Governance",
            "CloseStore",
            "CloseSettings", "CloseWorkflows", "Narratives", "CloseReports", "Automation", "CloseDemo", "LoopbackHTTP", "FuzzSupport", "FakeOdoo", "OdooSimulator", "PostgresSupport", grdb,
        ], swiftSettings: swiftSettings),
        .testTarget(name: "CloseServerTests", dependencies: [
            "CloseServer", "Automation", "CloseWorkflows", "CloseStore", "CloseChecks", "Adjustments", "Payables", "Receivables", "Treasury", "Governance", "Markup", "DemoCompany",
            "Ledger", "OdooRPC", "OdooLedger", "CloseSettings", "LoopbackHTTP", "FakeOdoo", "SchemaValidation", "BrowserSupport", logging,
            hummingbird, hummingbirdTesting, httpTypes,
        ], swiftSettings: swiftSettings),
        .testTarget(name: "JobQueueTests", dependencies: ["JobQueue", "Ledger", "PostgresSupport", "PostgresAccess", postgres], swiftSettings: swiftSettings),
        .testTarget(name: "FirmDirectoryTests", dependencies: ["CloseStore", "FirmDirectory", "JobQueue", "Governance", "Ledger", "PostgresSupport", "PostgresAccess", postgres],
                    swiftSettings: swiftSettings),
        .testTarget(name: "FirmWorkTests", dependencies: ["FirmWork", "FirmDirectory", "Governance", "JobQueue", "Ledger", "CloseSettings", "CloseStore", "CloseWorkflows", "OdooSimulator", "PostgresSupport",
                                                         "BrowserSupport", hummingbird, hummingbirdTesting, httpTypes, logging],
                    swiftSettings: swiftSettings),
        .testTarget(name: "CloserCLITests", dependencies: ["closer", "CloseStore", "Payables", "Receivables", "Ledger", "OdooRPC", "JobQueue", "OdooSimulator",
                                                          "PostgresSupport", postgres], swiftSettings: swiftSettings),
    ]
)
