// swift-tools-version:6.1
import PackageDescription

// Layers, dependencies pointing down only (see README "Architecture"):
// closer → CloseServer → CloseService → CloseStore, CloseKit, Reconciliation, OdooLedger, DemoCompany → Adjustments, OdooRPC → Ledger.
let package = Package(
    name: "Closer",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "closer", targets: ["closer"]),
        .executable(name: "closer-bench", targets: ["CloserBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The HTTP server of `closer serve`; swift-configuration support is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
    ],
    targets: [
        .target(name: "Ledger"),
        .target(name: "OdooRPC", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(name: "OdooLedger", dependencies: ["Ledger", "OdooRPC", "Adjustments", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "CloseKit", dependencies: ["Ledger"]),
        .target(name: "DemoCompany", dependencies: ["Ledger"]),
        .target(name: "Reconciliation", dependencies: ["Ledger"]),
        .target(name: "Adjustments", dependencies: ["Ledger"]),
        .target(name: "CloseStore", dependencies: [
            "Ledger", "CloseKit", "Reconciliation", "Adjustments",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "CloseService", dependencies: [
            "Ledger", "OdooRPC", "OdooLedger", "CloseKit", "CloseStore", "DemoCompany", "Reconciliation", "Adjustments",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "CloseServer", dependencies: [
            "CloseService", "CloseStore", "CloseKit", "Ledger", "Adjustments", "Reconciliation",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "closer", dependencies: [
            "CloseService", "CloseServer", "Reconciliation", "Adjustments",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "CloserBench", dependencies: [
            "Ledger", "OdooRPC", "DemoCompany", "CloseService", "Reconciliation",
        ]),
        // A loopback HTTP server shared by the tests that drive real HTTP clients.
        .target(name: "LoopbackHTTP", path: "Tests/LoopbackHTTP"),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger"]),
        .testTarget(name: "OdooRPCTests", dependencies: ["OdooRPC", "LoopbackHTTP"], exclude: ["Fixtures"]),
        .testTarget(name: "OdooLedgerTests", dependencies: ["OdooLedger", "Ledger", "OdooRPC", "Adjustments"]),
        .testTarget(name: "CloseKitTests", dependencies: ["CloseKit", "Ledger", "DemoCompany"]),
        .testTarget(name: "DemoCompanyTests", dependencies: ["DemoCompany", "Ledger"]),
        .testTarget(name: "AdjustmentsTests", dependencies: ["Adjustments", "DemoCompany", "Ledger"]),
        .testTarget(name: "ReconciliationTests", dependencies: ["Reconciliation", "DemoCompany", "Ledger"]),
        .testTarget(name: "CloseStoreTests", dependencies: ["CloseStore", "CloseKit", "Ledger", "Reconciliation"]),
        .testTarget(name: "CloseServiceTests", dependencies: ["CloseService", "DemoCompany", "CloseStore", "OdooLedger", "OdooRPC", "Ledger", "Reconciliation", "LoopbackHTTP"]),
        .testTarget(name: "CloseServerTests", dependencies: ["CloseServer", "CloseService", "CloseStore", "Ledger", "DemoCompany", "LoopbackHTTP",
                                                          .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "CloserCLITests", dependencies: ["closer"]),
    ]
)
