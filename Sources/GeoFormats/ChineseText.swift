#if canImport(Glibc)
    import Glibc
#endif

/// Text in the encodings Chinese data comes in: UTF-8 as is, else GB18030 (a superset of GBK) through iconv.
public enum ChineseText {
    /// The bytes as text, or nil when they are neither UTF-8 nor GB18030.
    public static func decode(_ bytes: [UInt8]) -> String? {
        if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 || inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[0..<written], as: UTF8.self)
    }
}
