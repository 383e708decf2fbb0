import Geo

/// Maps one layer's features to zones with a `ZoneMapping`, remembering every value translation applied and every
/// value that translates to nothing (reported together at the end, never defaulted).
struct FeatureMapper {
    let mapping: ZoneMapping
    let fields: Set<String>
    /// "field|what" → value → features.
    private var unmapped: [String: [String: Int]] = [:]
    /// "field value → code" → features.
    private var applied: [String: Int] = [:]
    private var noteCounts: [String: Int] = [:]

    init(mapping: ZoneMapping, fields: Set<String>) {
        self.mapping = mapping
        self.fields = fields
    }

    var appliedMappings: [String] { applied.keys.sorted().map { "\($0) (\(applied[$0] ?? 0))" } }
    var notes: [String] { noteCounts.keys.sorted().map { "\($0) (\(noteCounts[$0] ?? 0))" } }

    /// The zones one feature yields: usually one; a red-line feature that carries a protected area yields two.
    mutating func zones(_ properties: JSONObject, index: Int, place: String) throws -> [ImportedZone] {
        func fail(_ message: String, _ hint: ScreeningHint? = nil) -> ScreeningError {
            .data(file: place, feature: "feature \(index)", message: message, hint: hint)
        }
        let kind: ZoneKind
        switch mapping.kind {
        case let .fixed(code):
            guard let fixed = ZoneKind(rawValue: code) else { throw fail("the mapping names an unknown kind \"\(code)\"") }
            kind = fixed
        case let .field(candidates):
            guard let field = ZoneMapping.present(candidates, in: fields) else {
                throw fail("no kind field (one of \(candidates.joined(separator: ", "))) in the layer", .giveMapping)
            }
            guard let value = ZoneMapping.text(properties, [field])?.value else { throw fail("\(field) is empty: every zone needs a kind") }
            let types = mapping.special == .protectedArea ? ZoneMapping.protectedAreaTypes : [:]
            guard let found = mapping.kind(for: types[value] ?? value, field: field) else {
                unmapped["\(field)|kind", default: [:]][value, default: 0] += 1
                return []
            }
            note(field, value, String(found.rawValue))
            kind = found
        }
        guard let level = try level(of: kind, properties, fail: fail) else { return [] }
        let id = try self.id(properties, kind: kind, level: level, fail: fail)
        var zone = ImportedZone(id: id, name: ZoneMapping.text(properties, mapping.nameFields)?.value ?? id, kind: kind, level: level)
        if kind == .permanentFarmland { zone.name = "永久基本农田 \(zone.name)" }
        if let rank = ZoneMapping.text(properties, mapping.rankFields) { zone.rank = ZoneMapping.parkRanks[rank.value] ?? rank.value }
        if kind == .controlUnit { zone.unitCategory = kind.levels.first { $0.code == level }?.chineseName }
        zone.carried = mapping.carriedFields.compactMap { key in properties[key].flatMap { $0 == .null ? nil : (key, $0) } }
        for dimension in AccessDimension.allCases {
            guard let cell = ZoneMapping.text(properties, mapping.accessFields[dimension] ?? []) else { continue }
            zone.accessClauses += AccessClause.split(cell.value).map {
                AccessClause(dimension: dimension, tier: nil, text: $0, source: "\(place), feature \(index), \(cell.field)")
            }
        }
        // RedLine's own schema: clauses an earlier import attached come along.
        if mapping.special == .redlineSchema {
            for value in properties["access_clauses"]?.arrayValue ?? [] {
                guard let clause = AccessClause(json: value, defaultSource: "\(place), feature \(index)") else {
                    throw fail("an access_clauses entry \(AccessClause.requirement)")
                }
                zone.accessClauses.append(clause)
            }
        }
        var result = [zone]
        if mapping.special == .redLineWithProtectedArea, let area = ZoneMapping.text(properties, ZoneMapping.protectedAreaNames) {
            // The red-line polygons are cut at protected-area boundaries, so the part carrying ZRBHDMC is that area's.
            let protectedMapping = ZoneMapping.profile(named: "protected_areas") ?? mapping
            var areaMapper = FeatureMapper(mapping: protectedMapping, fields: fields)
            if var nested = try areaMapper.zones(properties, index: index, place: place).first {
                nested.id = "\(id)-ZRBHD"
                nested.name = area.value
                result.append(nested)
                countNote("protected area taken from the red-line feature's \(area.field)")
            }
            merge(areaMapper)
        }
        return result
    }

    /// Takes over a nested mapper's value translations and unmapped values (not its notes: the nested zone's id is
    /// the red-line feature's, not one it derived).
    private mutating func merge(_ other: FeatureMapper) {
        for (key, counts) in other.unmapped { for (value, n) in counts { unmapped[key, default: [:]][value, default: 0] += n } }
        for (key, n) in other.applied { applied[key, default: 0] += n }
    }

    private mutating func level(of kind: ZoneKind, _ properties: JSONObject, fail: (String, ScreeningHint?) -> ScreeningError) throws -> String? {
        if mapping.special == .protectedArea { return protectedAreaLevel(kind, properties) }
        switch mapping.level {
        case let .fixed(code)?:
            guard kind.levels.contains(where: { $0.code == code }) else {
                throw fail("the mapping's level \"\(code)\" is not a level of \(kind.rawValue)", .giveMapping)
            }
            return code
        case nil:
            guard kind.levels.count == 1, let only = kind.levels.first else {
                throw fail("no level field: a \(kind.rawValue) zone needs one of \(kind.levels.map(\.code).joined(separator: ", "))", .giveMapping)
            }
            return only.code
        case let .field(candidates)?:
            guard let field = ZoneMapping.present(candidates, in: fields) else {
                if kind.levels.count == 1, let only = kind.levels.first { return only.code }
                throw fail("no level field (one of \(candidates.joined(separator: ", "))) in the layer; name one in a mapping", .giveMapping)
            }
            let value = ZoneMapping.text(properties, [field])?.value ?? "(empty)"
            guard let code = mapping.level(for: value, field: field, kind: kind) else {
                unmapped["\(field)|\(kind.rawValue) level", default: [:]][value, default: 0] += 1
                return nil
            }
            note(field, value, code)
            return code
        }
    }

    /// Reserves (and national parks) by functional zone, scenic areas by 核心景区 or not, parks by rank.
    private mutating func protectedAreaLevel(_ kind: ZoneKind, _ properties: JSONObject) -> String? {
        switch kind {
        case .natureReserve, .scenicArea:
            let zone = ZoneMapping.text(properties, ZoneMapping.protectedAreaZoneFields)
            let value = zone?.value ?? "(empty)"
            let field = zone?.field ?? ZoneMapping.protectedAreaZoneFields[0]
            if let code = ZoneMapping.protectedAreaZones[value], kind.levels.contains(where: { $0.code == code }) {
                note(field, value, code)
                return code
            }
            if kind == .scenicArea {
                // A scenic area whose part is not the 核心景区 is the rest of the area ("general").
                note(field, value, "general")
                return "general"
            }
            unmapped["\(field)|\(kind.rawValue) level", default: [:]][value, default: 0] += 1
            return nil
        default:
            let rank = ZoneMapping.text(properties, ZoneMapping.protectedAreaRankFields)
            let value = rank?.value ?? "(empty)"
            let field = rank?.field ?? ZoneMapping.protectedAreaRankFields[0]
            guard let code = ZoneMapping.parkRanks[value], kind.levels.contains(where: { $0.code == code }) else {
                unmapped["\(field)|\(kind.rawValue) level", default: [:]][value, default: 0] += 1
                return nil
            }
            note(field, value, code)
            return code
        }
    }

    private mutating func id(_ properties: JSONObject, kind: ZoneKind, level: String, fail: (String, ScreeningHint?) -> ScreeningError) throws -> String {
        if let field = ZoneMapping.present(mapping.idFields, in: fields) {
            guard let value = ZoneMapping.text(properties, [field])?.value else { throw fail("\(field) is empty: every zone needs an id", nil) }
            // One water source has a zone per level under one code.
            return kind == .waterSource ? "\(value)-\(level)" : value
        }
        guard mapping.derivesIDs, let name = ZoneMapping.text(properties, mapping.nameFields)?.value else {
            throw fail("no id field (one of \(mapping.idFields.joined(separator: ", "))) in the layer; name one in a mapping", .giveMapping)
        }
        countNote("id made from name and level (the layer has no code field)")
        return "\(name)-\(level)"
    }

    private mutating func note(_ field: String, _ value: String, _ code: String) {
        if value != code { applied["\(field) \(value) → \(code)", default: 0] += 1 }
    }

    private mutating func countNote(_ text: String) { noteCounts[text, default: 0] += 1 }

    /// Throws when any value translated to nothing, listing every such value with its count and the known codes.
    func failOnUnmapped(place: String) throws {
        guard !unmapped.isEmpty else { return }
        let lines = unmapped.keys.sorted().map { key -> String in
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            let values = (unmapped[key] ?? [:]).sorted { $0.key < $1.key }.map { "\"\($0.key)\" (\($0.value))" }.joined(separator: ", ")
            let what = parts.count > 1 ? parts[1] : "value"
            let known: String
            if what == "kind" {
                known = ZoneKind.allCases.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", ")
            } else if let kind = ZoneKind.allCases.first(where: { what.hasPrefix($0.rawValue + " ") }) {
                known = kind.levels.map { "\($0.code) (\($0.chineseName))" }.joined(separator: ", ")
            } else {
                known = ""
            }
            return "\(parts[0]): no \(what) for \(values); known: \(known)"
        }
        throw ScreeningError.data(
            file: place, feature: nil,
            message: lines.joined(separator: "; ")
                + ". Map these values in a mapping, e.g. values: {\(unmapped.keys.sorted()[0].split(separator: "|")[0]): {\"value\": code}}",
            hint: .giveMapping)
    }
}
