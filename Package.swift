// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "RedLine",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Geo", targets: ["Geo"]),
        .library(name: "Screening", targets: ["Screening"]),
        .library(name: "Reports", targets: ["Reports"]),
        .executable(name: "redline", targets: ["RedLineCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // YAML mapping files for `redline zones import --mapping` (officials write YAML by hand more readily than JSON).
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // `redline serve`: Hummingbird 2 is the HTTP server (SwiftNIO underneath, structured concurrency, no Foundation
        // networking), and multipart-kit parses the file uploads of `POST /v1/screen` (a boundary parser we should not
        // write ourselves). Both from the machine's package mirror.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Already under Hummingbird; named because `redline serve` hands the server its logger.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C libraries from the system (Debian: libgeos-dev, libproj-dev). Nothing but a module map and a shim each.
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]
        ),
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]
        ),
        // The Swift face of GEOS and PROJ. Knows nothing of zoning.
        .target(
            name: "Geo",
            dependencies: ["CGEOS", "CPROJ"]
        ),
        // Vector formats read through GDAL (Shapefile, GeoPackage, KML/KMZ, File Geodatabase); GeoJSON stays in Geo.
        .target(
            name: "GeoFormats",
            dependencies: ["Geo", "CGDAL"]
        ),
        // The domain: zones, catalog, rules, screener. Pure values in and out; never prints; never links GDAL (files in
        // GDAL's formats come through the FeatureFileReader a front end passes in).
        .target(
            name: "Screening",
            dependencies: [
                "Geo",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Renderings of screening results: text, JSON, GeoJSON, HTML with an SVG map; area, check and diff reports.
        .target(
            name: "Reports",
            dependencies: ["Geo", "Screening"]
        ),
        // The HTTP API (`/v1/…`) and the offline web page over one ScreeningSession. The page's files are embedded in
        // the binary, so a copied `redline` serves it without a resource bundle beside it.
        .target(
            name: "RedLineServer",
            dependencies: [
                "Geo", "Screening", "Reports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                .embedInCode("Web/index.html"),
                .embedInCode("Web/app.js"),
                .embedInCode("Web/style.css"),
            ]
        ),
        .executableTarget(
            name: "RedLineCLI",
            dependencies: [
                "Geo", "GeoFormats", "Screening", "Reports", "RedLineServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The fuzz targets' checks (parsers, screening, properties), shared by the libFuzzer driver and the tests.
        .target(
            name: "FuzzChecks",
            dependencies: ["Geo", "GeoFormats", "Screening", "Reports"]
        ),
        // `redline-fuzz`: replays inputs; scripts/fuzz builds it with libFuzzer (-sanitize=fuzzer,address -DFUZZING).
        // The declaration of libFuzzer's driver entry, for the fuzzing build of redline-fuzz.
        .target(name: "CFuzzer"),
        .executableTarget(
            name: "redline-fuzz",
            dependencies: ["FuzzChecks", "CFuzzer"],
            path: "Sources/FuzzDriver"
        ),
        .executableTarget(
            name: "redline-bench",
            dependencies: ["Geo", "Screening"],
            path: "Sources/Benchmarks"
        ),
        .testTarget(
            name: "GeoTests",
            dependencies: ["Geo"]
        ),
        // Test data (zones, a data folder, the shipped ruleset) shared by the Screening and Reports tests.
        .target(
            name: "ScreeningTestSupport",
            dependencies: ["Geo", "Screening"],
            path: "Tests/ScreeningTestSupport"
        ),
        .testTarget(
            name: "ScreeningTests",
            dependencies: ["Geo", "GeoFormats", "Screening", "Reports", "ScreeningTestSupport"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Geo", "Screening", "Reports", "ScreeningTestSupport"]
        ),
        .testTarget(
            name: "GeoFormatsTests",
            dependencies: ["Geo", "GeoFormats"]
        ),
        // A real server on a loopback port, real HTTP requests, and headless Chromium driving the page.
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Geo", "GeoFormats", "Screening", "Reports", "RedLineServer", "ScreeningTestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
        // Every input a fuzzer ever found, and the seed corpora, through the fuzz checks.
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: ["FuzzChecks", "ScreeningTestSupport"],
            exclude: ["Cases"]
        ),
        // Runs the built `redline` binary as a user would.
        .testTarget(
            name: "CLITests",
            dependencies: ["RedLineCLI", "Geo"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
