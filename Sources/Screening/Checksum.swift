import Crypto
import Foundation

/// SHA-256 of bytes as lowercase hex: the checksum reports name inputs and data by.
public func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).hexString
}

extension Sequence where Element == UInt8 {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Digest {
    var hexString: String { Array(self).hexString }
}

/// SHA-256 of a folder read as one input (a File Geodatabase): each file's path relative to the folder, a NUL byte and
/// its bytes, in path order. The same folder contents give the same digest wherever the folder lies.
public func sha256Hex(ofFolder folder: String) throws -> String {
    var hasher = SHA256()
    let manager = FileManager.default
    var files: [String] = []
    if let enumerator = manager.enumerator(atPath: folder) {
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(relative)
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(relative) }
        }
    }
    for relative in files.sorted() {
        hasher.update(data: Array(relative.utf8) + [0])
        hasher.update(data: try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(relative))))
    }
    return hasher.finalize().hexString
}

/// A file or folder read once as one input: its bytes for the GeoJSON and 界址点 readers (none for a folder such as a
/// File Geodatabase, which GDAL reads by path) and the SHA-256 that reports and catalogs name it by.
public struct InputSource: Sendable {
    public let bytes: [UInt8]
    private let folderDigest: String?

    public init(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            bytes = []
            folderDigest = try sha256Hex(ofFolder: path)
        } else {
            bytes = try Array(readFile(path))
            folderDigest = nil
        }
    }

    /// The SHA-256 of the file's bytes, or of the folder's files (computed when asked: it costs as much as a read).
    public func sha256() -> String { folderDigest ?? sha256Hex(bytes) }
}
