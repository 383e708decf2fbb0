import Foundation
import Geo
import GeoFormats
import Reports
import Screening

/// One project of a batch, or the reason it cannot be screened, with where it came from.
struct BatchItem: Sendable {
    var file: String
    var featureIndex: Int?
    /// The feature's id when it has one, also for a feature that could not be read as a project.
    var featureID: String?
    var project: Result<SubmittedProject, ScreeningError>
    /// SHA-256 of the input file (empty when it could not be read).
    var inputSHA256 = ""
}

/// Finds and reads batch inputs: FeatureCollections, newline-delimited GeoJSON, folders searched recursively.
enum BatchInputs {
    /// Extensions searched for in folders (a file named on the command line is read whatever its name).
    static let geojsonExtensions: Set<String> = ["geojson"]
    /// 界址点 boundary-point files are .txt; in a folder a .txt is taken only when it begins like one (not a README).
    static let boundaryPointExtension = "txt"

    /// The files the inputs name, folders expanded recursively (sorted, so runs are repeatable).
    static func files(_ inputs: [String]) throws -> [String] {
        var found: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw CLIError.input("\(input): no such file or folder")
            }
            guard isDirectory.boolValue, !input.lowercased().hasSuffix(".gdb") else { found.append(input); continue }
            let enumerator = FileManager.default.enumerator(atPath: input)
            var inFolder: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let ext = (relative as NSString).pathExtension.lowercased()
                let path = (input as NSString).appendingPathComponent(relative)
                if geojsonExtensions.contains(ext) || Submission.lineExtensions.contains(ext) || VectorFile.extensions.contains(ext)
                    || (ext == boundaryPointExtension && isBoundaryPointFile(path))
                {
                    inFolder.append(path)
                }
                // A File Geodatabase is a folder read as one input; its inner files are not inputs.
                if ext == "gdb" { enumerator?.skipDescendants() }
            }
            found += inFolder.sorted()
        }
        return found
    }

    /// Whether the file at `path` begins like a 界址点 file (its first 4 KB are read).
    private static func isBoundaryPointFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return BoundaryPointFile.isBoundaryPointFile(Array((try? handle.read(upToCount: 4096)) ?? Data()))
    }

    /// Reads one file into items: a whole-file problem becomes one error item, a bad feature one error item each.
    static func read(_ file: String, session: ScreeningSession, options: SubmissionOptions) -> [BatchItem] {
        let input: InputSource
        do {
            input = try InputSource(file)
        } catch {
            return [
                BatchItem(
                    file: file, featureIndex: nil,
                    project: .failure(.footprint(file: file, feature: nil, message: "cannot read: \(error.localizedDescription)")))
            ]
        }
        let digest = input.sha256()
        return items(file, bytes: input.bytes, session: session, options: options).map { item in
            var named = item
            named.inputSHA256 = digest
            return named
        }
    }

    private static func items(_ file: String, bytes: [UInt8], session: ScreeningSession, options: SubmissionOptions)
        -> [BatchItem]
    {
        Submission.batchFeatures(atPath: file, bytes: bytes, files: session.files, options: options).map { item(file, $0) }
    }

    private static func item(_ file: String, _ feature: SubmittedFeature) -> BatchItem {
        BatchItem(file: file, featureIndex: feature.index, featureID: feature.id, project: feature.result)
    }
}
