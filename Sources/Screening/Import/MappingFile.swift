import Foundation
import Geo
import Yams

extension ZoneMapping {
    /// Reads a mapping file (YAML, or JSON, which is YAML too):
    ///
    /// ```yaml
    /// kind: livestock_nogo        # a zone kind, or the field that holds it
    /// id: BH                      # a field, or a list of fields tried in order
    /// name: MC
    /// level: LX                   # a level code of the kind, or the field that holds it
    /// rank: JB                    # optional
    /// values:                     # per field: data value → kind or level code
    ///   LX: {禁养区: prohibited, 限养区: restricted}
    /// access:                     # optional, control units: the four access-list fields
    ///   spatial_layout: KJBJYS
    /// ```
    ///
    /// - Throws: `ScreeningError.data` naming the file and the key at fault.
    public static func parse(contentsOf path: String) throws -> ZoneMapping {
        func fail(_ message: String) -> ScreeningError { .data(file: path, feature: nil, message: message) }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch { throw fail("cannot read: \(error.localizedDescription)") }
        let loaded: Any?
        do { loaded = try Yams.load(yaml: text) } catch { throw fail("not valid YAML or JSON: \(error)") }
        guard let root = loaded as? [String: Any] else { throw fail("a mapping is an object with kind, id, name and level") }
        let known: Set<String> = ["kind", "id", "name", "level", "rank", "values", "access"]
        if let unknown = root.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("unknown key \"\(unknown)\"; a mapping has \(known.sorted().joined(separator: ", "))")
        }
        func fields(_ key: String, required: Bool) throws -> [String] {
            switch root[key] {
            case let single as String: return [single]
            case let list as [Any]: return list.map { "\($0)" }
            case nil where !required: return []
            case nil: throw fail("\"\(key)\" is missing: name the field that holds the zone's \(key)")
            default: throw fail("\"\(key)\" must be a field name or a list of field names")
            }
        }
        guard let kindText = root["kind"] as? String else {
            throw fail("\"kind\" is missing: give a zone kind (\(ZoneKind.allCases.map(\.rawValue).joined(separator: ", "))) or the field that holds it")
        }
        let fixedKind = ZoneKind(rawValue: kindText)
        var values: [String: [String: String]] = [:]
        if let table = root["values"] {
            guard let table = table as? [String: Any] else { throw fail("\"values\" maps a field to {data value: code}") }
            for (field, map) in table {
                guard let map = map as? [AnyHashable: Any] else { throw fail("values.\(field) must be {data value: code}") }
                values[field] = Dictionary(uniqueKeysWithValues: map.map { ("\($0.key)", "\($0.value)") })
            }
        }
        var level: Source?
        if let levelText = root["level"] as? String {
            if let fixedKind, fixedKind.levels.contains(where: { $0.code == levelText }) { level = .fixed(levelText) } else { level = .field([levelText]) }
        } else if root["level"] != nil {
            level = .field(try fields("level", required: true))
        }
        var access: [AccessDimension: [String]] = [:]
        if let table = root["access"] {
            guard let table = table as? [String: Any] else { throw fail("\"access\" maps a dimension to its field") }
            for (key, field) in table {
                guard let dimension = AccessDimension(parsing: key) else {
                    throw fail("access.\(key): not a dimension; use \(AccessDimension.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                // A field, or a list of fields tried in order, as for id and name.
                access[dimension] = (field as? [Any]).map { $0.map { "\($0)" } } ?? ["\(field)"]
            }
        }
        return ZoneMapping(
            name: "mapping \((path as NSString).lastPathComponent)",
            kind: fixedKind.map { .fixed($0.rawValue) } ?? .field([kindText]),
            idFields: try fields("id", required: true), nameFields: try fields("name", required: true), level: level,
            rankFields: try fields("rank", required: false), values: values,
            accessFields: access)
    }
}
