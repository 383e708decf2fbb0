import Foundation
import Geo

extension Submission {
    /// The extensions of newline-delimited GeoJSON: one Feature or geometry per line.
    public static let lineExtensions: Set<String> = ["ndjson", "geojsonl", "geojsons", "jsonl"]

    /// Every feature of a file submitted as a batch, never throwing: a problem with the whole file is one error
    /// feature (index nil), a bad line of newline-delimited GeoJSON one error feature at its line, so one bad input is
    /// reported and the rest go on. The one way `redline batch`, `POST /v1/batch` and a stream worker read a batch.
    public static func batchFeatures(atPath path: String, bytes: [UInt8], files: any FeatureFileReader, options: SubmissionOptions)
        -> [SubmittedFeature]
    {
        if lineExtensions.contains((path as NSString).pathExtension.lowercased()) {
            return GeoJSON.readLines(bytes, file: path).flatMap { lineNumber, read -> [SubmittedFeature] in
                switch read {
                case let .success(collection):
                    return Submission.read(collection, file: path, options: options)
                case let .failure(error):
                    return [
                        SubmittedFeature(
                            index: lineNumber, id: nil, result: .failure(.footprint(file: path, feature: "line \(lineNumber)", message: error.message)))
                    ]
                }
            }
        }
        do {
            return try features(atPath: path, bytes: bytes, files: files, options: options)
        } catch let error as ScreeningError {
            return [SubmittedFeature(index: nil, id: nil, result: .failure(error))]
        } catch {
            let message: String
            if let geo = error as? GeoJSONError {
                message = (geo.line.map { "line \($0)" + (geo.column.map { ", column \($0)" } ?? "") + ": " } ?? "") + geo.message
            } else {
                message = "\(error)"
            }
            return [SubmittedFeature(index: nil, id: nil, result: .failure(.footprint(file: path, feature: nil, message: message)))]
        }
    }
}
