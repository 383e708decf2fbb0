import Crypto

/// SHA-256 of bytes as lowercase hex: the checksum reports name inputs and data by.
public func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).hexString
}
