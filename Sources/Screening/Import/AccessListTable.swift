import Foundation
import Geo

/// A 准入清单 table (CSV or XLSX) as provinces and cities publish it: one row per unit (and tier), with the unit's
/// code, name and category and the four dimensions, each cell holding numbered clauses.
public struct AccessListTable: Sendable {
    /// One row: a unit's list from one tier.
    public struct Row: Sendable {
        public var unitCode: String
        public var unitName: String?
        public var tier: String?
        public var clauses: [AccessClause]
        /// "file, row n".
        public var source: String
    }

    public var file: String
    public var rows: [Row]

    static let codeColumns = ["环境管控单元编码", "环境综合管控单元编码", "管控单元编码", "单元编码", "HJZHGKDYBM", "HJGKDYBM", "unit_code", "编码"]
    static let nameColumns = ["环境管控单元名称", "环境综合管控单元名称", "管控单元名称", "单元名称", "HJZHGKDYMC", "HJGKDYMC", "unit_name", "名称"]
    static let tierColumns = ["清单层级", "层级", "清单级别", "级别", "发布层级", "tier", "level"]
    static let tiers = [
        "省": "省", "省级": "省", "省级清单": "省", "市": "市", "市级": "市", "市级清单": "市", "县": "县", "县级": "县", "区": "县",
        "区县": "县", "县区": "县", "县级清单": "县", "区级": "县", "province": "省", "city": "市", "county": "县",
    ]

    /// Reads a table. Column names are matched in Chinese or by the data-standard field names (code, name, category,
    /// 空间布局约束 / 污染物排放管控 / 环境风险防控 / 资源利用效率, and the tier 省/市/县).
    ///
    /// - Throws: `ScreeningError.data` naming the file, and the row when a row is unusable.
    public static func read(contentsOf path: String, files: any FeatureFileReader) throws -> AccessListTable {
        func fail(_ message: String) -> ScreeningError { .data(file: path, feature: nil, message: message) }
        let ext = (path as NSString).pathExtension.lowercased()
        guard GDALFormats.tables.contains(ext) else { throw fail("an access list is a .csv or .xlsx table, not .\(ext)") }
        let layers: [(name: String, collection: FeatureCollection)]
        do { layers = try files.layers(atPath: path) } catch { throw fail("cannot read the table: \(error)") }
        var rows: [Row] = []
        for layer in layers {
            // The header is the first row naming a unit-code column (a title row may come before it); cells are
            // matched to it by position, trimmed (headers often end in a line break).
            let cells = layer.collection.features.map { feature -> [String: String] in
                var row: [String: String] = [:]
                for (key, value) in feature.properties ?? JSONObject() { row[key] = ZoneMapping.cellText(value) }
                return row
            }
            guard let headerIndex = cells.prefix(20).firstIndex(where: { row in row.values.contains { codeColumns.contains($0) } }) else {
                let firstRow = cells.first.map { $0.sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }.map(\.value) } ?? []
                throw fail(
                    "sheet \(layer.name) has no unit-code column (one of \(codeColumns.joined(separator: ", "))) in its first 20 rows; first row: \(firstRow.joined(separator: ", "))"
                )
            }
            let header = Dictionary(cells[headerIndex].map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
            let columns = Set(header.keys)
            func column(_ names: [String]) -> String? { ZoneMapping.present(names, in: columns).flatMap { header[$0] } }
            guard let codeColumn = column(codeColumns) else { continue }
            let dimensionColumns = ZoneMapping.accessColumns.compactMapValues { column($0) }
            guard !dimensionColumns.isEmpty else {
                throw fail(
                    "sheet \(layer.name) has none of the four dimension columns (\(AccessDimension.allCases.map(\.chineseName).joined(separator: ", "))); its header: \(columns.sorted().joined(separator: ", "))"
                )
            }
            let tierColumn = column(tierColumns)
            let nameColumn = column(nameColumns)
            for (rowIndex, row) in cells.enumerated() where rowIndex > headerIndex {
                // Row numbers as a spreadsheet shows them.
                let source = "\((path as NSString).lastPathComponent), \(layers.count > 1 ? "sheet \(layer.name), " : "")row \(rowIndex + 1)"
                guard let code = row[codeColumn] else {
                    if row.isEmpty { continue }
                    throw fail("\(source): no unit code")
                }
                var tier: String?
                if let tierColumn, let value = row[tierColumn] {
                    guard let known = tiers[value] else {
                        throw fail("\(source): tier \"\(value)\" is not 省, 市 or 县 (or 省级, 市级, 县级, 区)")
                    }
                    tier = known
                }
                var clauses: [AccessClause] = []
                for dimension in AccessDimension.allCases {
                    guard let column = dimensionColumns[dimension], let cell = row[column] else { continue }
                    clauses += AccessClause.split(cell).map { AccessClause(dimension: dimension, tier: tier, text: $0, source: source) }
                }
                rows.append(
                    Row(
                        unitCode: code, unitName: nameColumn.flatMap { row[$0] },
                        tier: tier, clauses: clauses, source: source))
            }
        }
        return AccessListTable(file: path, rows: rows)
    }
}
