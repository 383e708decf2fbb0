// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "RedLine",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Geo", targets: ["Geo"]),
        .executable(name: "redline", targets: ["RedLineCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        // The Swift face of GEOS and PROJ. Knows nothing of zoning.
        .target(
            name: "Geo",
            dependencies: ["CGEOS", "CPROJ"]
        ),
        .executableTarget(
            name: "RedLineCLI",
            dependencies: [
                "Geo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "redline-bench",
            dependencies: ["Geo"],
            path: "Sources/Benchmarks"
        ),
        .testTarget(
            name: "GeoTests",
            dependencies: ["Geo"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
