// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kioku",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "KiokuText", targets: ["KiokuText"]),
        .library(name: "KiokuFormats", targets: ["KiokuFormats"]),
        .library(name: "KiokuMemory", targets: ["KiokuMemory"]),
        .library(name: "KiokuMatch", targets: ["KiokuMatch"]),
        .library(name: "KiokuTerms", targets: ["KiokuTerms"]),
        .library(name: "KiokuServer", targets: ["KiokuServer"]),
        .executable(name: "kioku", targets: ["kioku"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // C libraries, each wrapped once (see DESIGN.md, "Known pitfalls on Linux").
        // CICU is a C target whose header shows no ICU type, so it never meets Foundation's own ICU.
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),

        .target(name: "KiokuText", dependencies: ["CICU", "CStemmer"]),
        .target(name: "KiokuFormats", dependencies: ["KiokuText"]),
        .target(name: "KiokuMemory", dependencies: [
            "KiokuText", "KiokuFormats",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "KiokuMatch", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuMemory",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "KiokuTerms", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuMemory",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "KiokuServer", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuMemory", "KiokuMatch", "KiokuTerms",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "kioku", dependencies: [
            "KiokuText", "KiokuFormats", "KiokuMemory", "KiokuMatch", "KiokuTerms", "KiokuServer",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(
            name: "kioku-bench",
            dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory", "KiokuMatch", "KiokuTerms"],
            path: "Benchmarks/kioku-bench"
        ),
        .executableTarget(
            name: "kioku-conformance",
            dependencies: ["KiokuText", "KiokuFormats", "KiokuMemory"],
            path: "Conformance/kioku-conformance"
        ),

        .testTarget(name: "KiokuTextTests", dependencies: ["KiokuText"]),
        .testTarget(name: "KiokuFormatsTests", dependencies: ["KiokuFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "KiokuMemoryTests", dependencies: ["KiokuMemory", "KiokuFormats"]),
        .testTarget(name: "KiokuMatchTests", dependencies: ["KiokuMatch", "KiokuMemory", "KiokuFormats"]),
        .testTarget(name: "KiokuServerTests", dependencies: ["KiokuServer"]),
        .testTarget(name: "KiokuTermsTests", dependencies: ["KiokuTerms", "KiokuMemory", "KiokuFormats"], exclude: ["Fixtures"]),
    ]
)
