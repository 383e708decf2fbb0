import Foundation
import Screening

/// A footprint input read once: its bytes (none for a folder, which GDAL reads by path) and the SHA-256 that reports
/// name it by.
struct InputFile {
    var bytes: [UInt8]
    var sha256: String

    init(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            // A File Geodatabase is a folder.
            bytes = []
            sha256 = try sha256Hex(ofFolder: path)
        } else {
            bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            sha256 = sha256Hex(bytes)
        }
    }
}
