extension GeoJSON {
    /// Newline-delimited GeoJSON (`.ndjson`, `.geojsonl`, `.jsonl`): one Feature or geometry per line, read line by line
    /// so that one bad line is reported and the rest are read. Each line's features are numbered by the line (from 1);
    /// blank lines are skipped.
    public static func readLines(_ bytes: [UInt8], file: String) -> [(line: Int, collection: Result<FeatureCollection, GeoJSONError>)] {
        var result: [(line: Int, collection: Result<FeatureCollection, GeoJSONError>)] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.filter { $0 != UInt8(ascii: "\r") }
            guard trimmed.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { continue }
            do {
                var collection = try GeoJSON.read(Array(trimmed), file: file)
                let number = lineNumber
                collection.features = collection.features.map { feature in
                    var numbered = feature
                    numbered.index = number
                    return numbered
                }
                collection.rejected = collection.rejected.map { rejected in
                    var numbered = rejected
                    numbered.featureIndex = number
                    numbered.line = number
                    return numbered
                }
                result.append((lineNumber, .success(collection)))
            } catch let error as GeoJSONError {
                result.append((lineNumber, .failure(error)))
            } catch {
                result.append((lineNumber, .failure(GeoJSONError(message: "\(error)", file: file, line: lineNumber))))
            }
        }
        return result
    }
}
