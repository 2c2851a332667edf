// swift-tools-version:6.0
import PackageDescription

// Targets depend one way (see ARCHITECTURE.md): Text ← Formats ← Memory ← Postgres, Match, Terms ← Align, Jobs ← Server ← kioku.
// Only KiokuMemory links GRDB and only KiokuPostgres links PostgresNIO: no other module can run SQL on the TM.
let package = Package(
    name: "Kioku",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "KiokuText", targets: ["KiokuText"]),
        .library(name: "KiokuFormats", targets: ["KiokuFormats"]),
        .library(name: "KiokuMemory", targets: ["KiokuMemory"]),
        .library(name: "KiokuPostgres", targets: ["KiokuPostgres"]),
        .library(name: "KiokuMatch", targets: ["KiokuMatch"]),
        .library(name: "KiokuTerms", targets: ["KiokuTerms"]),
        .library(name: "KiokuServer", targets: ["KiokuServer"]),
        .library(name: "KiokuAlign", targets: ["KiokuAlign"]),
        .library(name: "KiokuJobs", targets: ["KiokuJobs"]),
        .library(name: "KiokuQA", targets: ["KiokuQA"]),
        .library(name: "KiokuWeb", targets: ["KiokuWeb"]),
        .executable(name: "kioku", targets: ["kioku"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Hummingbird's header types, named directly for the server's own headers (Kioku-Report).
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        // Hummingbird's own NIO: the server fuzz target hands requests to the routes over an EmbeddedChannel.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
        // The shared store: a TM in PostgreSQL, for several servers on one database.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // Test-only: makes real .docx files for the document reader tests (Kioku reads zips itself).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // C libraries, each wrapped once. CICU is a C target whose header shows no ICU type,
        // so no Swift compilation ever sees two definitions of ICU's enums (Foundation has its own ICU).
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        .systemLibrary(name: "CInflate", path: "Sources/CInflate"),
        // The CPU's prefetch hint, which Swift does not spell.
        .target(name: "CPrefetch"),

        // Package-internal helpers: a lock-protected box, a pool, a blocking queue, the unchecked-Sendable wrapper.
        .target(name: "KiokuConcurrency"),
        .target(name: "KiokuText", dependencies: ["CICU", "CStemmer"]),
        .target(name: "KiokuFormats", dependencies: ["KiokuText"]),
        .target(name: "KiokuMemory", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuConcurrency",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The TM in PostgreSQL: the same MemoryStore as the SQLite file, for a team's shared database.
        .target(name: "KiokuPostgres", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuMemory", "KiokuConcurrency",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .target(name: "KiokuMatch", dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory", "KiokuConcurrency", "CPrefetch"]),
        .target(name: "KiokuTerms", dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory", "KiokuConcurrency"]),
        .target(name: "KiokuAlign", dependencies: ["KiokuText", "KiokuFormats", "KiokuTerms", "CInflate"]),
        .target(name: "KiokuJobs", dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory", "KiokuMatch", "KiokuTerms", "KiokuConcurrency"]),
        .target(name: "KiokuQA", dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory", "KiokuTerms"]),
        // The curators' web page: server-rendered Mustache pages, the stylesheet and the script (no HTTP here).
        .target(name: "KiokuWeb", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuMemory", "KiokuMatch", "KiokuTerms", "KiokuConcurrency",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "KiokuServer", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuMemory", "KiokuMatch", "KiokuTerms", "KiokuJobs", "KiokuConcurrency", "KiokuWeb",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            // TimeAmount, for the HTTP server's idle timeout.
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .executableTarget(name: "kioku", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuMemory", "KiokuPostgres", "KiokuMatch", "KiokuTerms", "KiokuServer", "KiokuAlign", "KiokuJobs", "KiokuQA",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(
            name: "kioku-bench",
            dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory", "KiokuPostgres", "KiokuMatch", "KiokuTerms", "KiokuAlign"],
            path: "Benchmarks/kioku-bench"
        ),
        .executableTarget(
            name: "kioku-fuzz",
            dependencies: [
                "KiokuText", "KiokuFormats", "KiokuMemory", "KiokuMatch", "KiokuPostgres", "KiokuTerms", "KiokuAlign", "KiokuServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Fuzz/kioku-fuzz"
        ),
        .executableTarget(
            name: "kioku-conformance",
            dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory"],
            path: "Conformance/kioku-conformance"
        ),

        // What every test target shares: scratch folders, fixtures, the bundled samples, the built binary.
        .target(name: "KiokuTestSupport", dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory"], path: "Tests/KiokuTestSupport"),
        .testTarget(name: "KiokuTextTests", dependencies: ["KiokuText", "KiokuTestSupport"]),
        .testTarget(name: "KiokuFormatsTests", dependencies: ["KiokuFormats", "KiokuTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KiokuPostgresTests", dependencies: ["KiokuPostgres", "KiokuMemory", "KiokuMatch", "KiokuFormats", "KiokuTestSupport"]),
        .testTarget(name: "KiokuMemoryTests", dependencies: ["KiokuMemory", "KiokuFormats", "KiokuTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KiokuConcurrencyTests", dependencies: ["KiokuConcurrency"]),
        .testTarget(name: "KiokuMatchTests", dependencies: ["KiokuMatch", "KiokuMemory", "KiokuFormats", "KiokuTestSupport"]),
        .testTarget(name: "KiokuTermsTests", dependencies: ["KiokuTerms", "KiokuMemory", "KiokuFormats", "KiokuTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KiokuAlignTests", dependencies: [
            "KiokuAlign", "KiokuTerms", "KiokuTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "KiokuJobsTests", dependencies: ["KiokuJobs", "KiokuMatch", "KiokuMemory", "KiokuFormats", "KiokuTerms", "KiokuTestSupport"]),
        .testTarget(name: "KiokuQATests", dependencies: ["KiokuQA", "KiokuMemory", "KiokuFormats", "KiokuTerms", "KiokuTestSupport"]),
        .testTarget(name: "KiokuWebTests", dependencies: ["KiokuWeb", "KiokuMatch", "KiokuMemory", "KiokuFormats", "KiokuTerms", "KiokuText", "KiokuTestSupport"]),
        .testTarget(name: "KiokuServerTests", dependencies: ["KiokuServer", "KiokuTestSupport"]),
        .testTarget(name: "KiokuCLITests", dependencies: ["KiokuTestSupport"], exclude: ["Fixtures"]),
    ]
)
