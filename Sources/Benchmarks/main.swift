import Foundation
import Geo

// redline-bench: timings of the Geo layer on real files. Build with `swift build -c release`.
//
//   redline-bench load FILE...    read GeoJSON files and report time, features and vertices

func seconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    try body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.first == "load", arguments.count >= 2 else {
    print("usage: redline-bench load FILE...")
    exit(2)
}
for path in arguments.dropFirst() {
    var collection = FeatureCollection(features: [])
    do {
        let time = try seconds { collection = try GeoJSON.read(contentsOf: path) }
        let vertices = collection.features.reduce(0) { $0 + ($1.geometry?.numberOfPoints ?? 0) }
        print("load \(path): \(String(format: "%.3f", time)) s, \(collection.features.count) features, \(vertices) vertices, \(collection.rejected.count) rejected, peak RSS \(Int(peakResidentMegabytes())) MB")
    } catch {
        print("load \(path): \(error)")
        exit(1)
    }
}
