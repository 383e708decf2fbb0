import Foundation
import Geo
import ScreeningTestSupport
import Testing

@testable import Screening

/// DOMAIN.md §7.1 and §7.2, transcribed by hand from the brief (headline letter of each cell, before any
/// parenthesised variant): P prohibited, R restricted, C conditional, A allowed, · no rule.
/// Columns: RL NRc NRb NRe SA PK D1 D2 D3 JY XY U1 U2 U3.
private let domainMatrix: [String: String] = [
    "LV": "PPPPPR PPRPCRCC", "IH": "PPPPPP PPP··PRR", "IG": "PPPPRP PPC··RCC", "CH": "PPPPPP PPP··PRP",
    "MN": "PPPPPP PPR··PRR", "PV": "PPPPRP PCC··RCC", "WD": "PPPPPP PCC··RCC", "TP": "PPPPPP PPR··PRR",
    "RD": "RPPRRR PRC··RCC", "RW": "RPPRRR PRC··RCC", "PL": "RPPRRR PRC··RCC", "TL": "RPPRRR PCC··RCC",
    "WS": "RPPRRR AAA··CCC", "WC": "RPPRRR RCC··CCC", "LF": "PPPPPP PPP··PRR", "WI": "PPPPPP PPR··PRR",
    "ST": "PPPRRR PRC··RCC", "TF": "RPPRRR PRC··CAA", "TR": "PPPPRP PPC··PCC", "RE": "PPPPPP PPC··PCC",
    "AG": "CPPCCC PCCAACAA", "FO": "CPPCCC CCA··CAA", "AQ": "CPPRRR PRC··CCC", "ER": "CRRCCC CAAAAAAA",
    "SR": "CRCCCC CAAAAAAA",
]
/// Cells where the ruleset follows the 2026-12 legal review (../shared/legal/review-2026-12.md §5) rather than
/// DOMAIN.md's headline, each decision written in geodata/rules/README.md §5: the letter the ruleset gives.
private let reviewedCells: [String: Character] = [
    "LV×PK": "P",  // nature parks are managed as general control zones (Code Art. 861); no lawful route for a scale farm
    "FO×NRe": "R",  // planting and tending only, with the reserve's consent (R:NR); felling is not a general-control activity
]
private let domainColumns = ["RL", "NRc", "NRb", "NRe", "SA", "PK", "D1", "D2", "D3", "JY", "XY", "U1", "U2", "U3"]

/// Cells where the ruleset deliberately reads DOMAIN.md's headline for one action only (geodata/rules/README.md,
/// "Deviations and choices"): the headline then holds for that action.
private let actionSpecificHeadlines: [String: ProjectAction] = [
    // "C (RL2: no expansion)": new ponds expand aquaculture in the red line (P); operating existing ones is C.
    "AQ×RL": .operate
]

private func letter(_ outcome: Outcome) -> Character {
    switch outcome {
    case .prohibited: "P"
    case .restricted: "R"
    case .conditional: "C"
    case .allowed: "A"
    case .noRule: "·"
    }
}

@Suite("The default rule matrix through the screener")
struct RuleMatrixTests {
    /// One zone per column, side by side along 40.00–40.01°N, each 0.01° wide with 0.02° between them.
    static let columnZones: [(column: String, zone: TestZone)] = shippedRuleset.columns.enumerated().map { index, column in
        let x = 117.0 + Double(index) * 0.03
        let level = column.levels.first == "*" ? column.kinds[0].levels[0].code : column.levels[0]
        return (column.code, TestZone(id: "Z-\(column.code)", kind: column.kinds[0], level: level, ring: rectangle(x, 40.0, x + 0.01, 40.01)))
    }

    static let screener: Screener = {
        do {
            return try Screener(dataset: makeDataset(columnZones.map(\.zone)), ruleset: shippedRuleset)
        } catch {
            fatalError("test dataset: \(error)")
        }
    }()

    /// Screens a 0.002° square footprint in the middle of the column's zone and returns the finding there.
    static func finding(category: String, column: String, attributes: ProjectAttributes) throws -> Finding? {
        guard let index = columnZones.firstIndex(where: { $0.column == column }) else { return nil }
        let x = 117.0 + Double(index) * 0.03 + 0.004
        let footprint = try Geometry(.polygon([rectangle(x, 40.004, x + 0.002, 40.006)]))
        let result = try screener.screen(Project(category: category, attributes: attributes, footprint: footprint))
        return result.findings.first { $0.zone.id == "Z-\(column)" }
    }

    @Test("ZoneKind's kinds and levels are those of geodata/rules/zone_levels.json, which the Python data tools read")
    func zoneLevelsMatchDataTools() throws {
        let url = repositoryRoot.appendingPathComponent("geodata/rules/zone_levels.json")
        let document = try #require(JSONValue.parse(Array(try Data(contentsOf: url))).objectValue)
        let levels = try #require(document["levels"]?.objectValue)
        #expect(Set(levels.keys) == Set(ZoneKind.allCases.map(\.rawValue)))
        for kind in ZoneKind.allCases {
            #expect(levels[kind.rawValue]?.arrayValue?.compactMap(\.stringValue) == kind.levels.map(\.code), "\(kind.rawValue)")
        }
        let reportingOnly = document["reporting_only_kinds"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(Set(reportingOnly) == Set(ZoneKind.allCases.filter { !$0.carriesRules }.map(\.rawValue)))
    }

    @Test(
        "every cell, screened, gives DOMAIN.md §7's headline outcome for one of the two discharge readings",
        arguments: shippedRuleset.categories.map(\.code))
    func everyCellMatchesDomain(category: String) throws {
        let expectedRow = Array(try #require(domainMatrix[category]).replacingOccurrences(of: " ", with: ""))
        for column in shippedRuleset.columns.map(\.code) {
            var seen: [Outcome] = []
            let action = actionSpecificHeadlines["\(category)×\(column)"] ?? .new
            for discharges in [false, true] {
                let finding = try #require(
                    try Self.finding(
                        category: category, column: column,
                        attributes: ProjectAttributes(action: action, dischargesToWater: discharges)))
                #expect(finding.relation == .inside)
                #expect(finding.rule?.column == column)
                seen.append(finding.effectiveOutcome)
            }
            if let position = domainColumns.firstIndex(of: column) {
                let expected = reviewedCells["\(category)×\(column)"] ?? expectedRow[position]
                #expect(
                    seen.map(letter).contains(expected),
                    "\(category) × \(column): DOMAIN.md (or the legal review) says \(expected), screener gave \(seen.map(letter))")
            }
        }
    }

    @Test("unstated discharge takes the stricter reading and says so")
    func unstatedDischarge() throws {
        let stated = try #require(try Self.finding(category: "IG", column: "D2", attributes: ProjectAttributes(dischargesToWater: false)))
        #expect(stated.effectiveOutcome == .conditional)
        let unstated = try #require(try Self.finding(category: "IG", column: "D2", attributes: ProjectAttributes()))
        #expect(unstated.effectiveOutcome == .prohibited)
        #expect(unstated.rule?.assumptions.first?.en.contains("Discharge to water not stated") == true)
    }

    @Test("conditions on action, crossing, national major project and zone level select their clauses")
    func conditionalClauses() throws {
        // Red line: existing water works operated → conditional; new ones need the item-6 demonstration.
        #expect(try Self.finding(category: "WC", column: "RL", attributes: .init(action: .operate))?.effectiveOutcome == .conditional)
        #expect(try Self.finding(category: "WC", column: "RL", attributes: .init(action: .new))?.rule?.approvals.contains("RL6") == true)
        // Red line: a national major road needs MP, another road RL6.
        #expect(try Self.finding(category: "RD", column: "RL", attributes: .init(nationalMajorProject: true))?.rule?.approvals == ["MP"])
        #expect(try Self.finding(category: "RD", column: "RL", attributes: .init())?.rule?.approvals == ["RL6"])
        // Fuel-ban zone: only high-polluting fuel is banned (Code Art. 207): new thermal power must show it burns none
        // (R:FB); operation conditional.
        #expect(try Self.finding(category: "TP", column: "FB", attributes: .init(action: .new))?.rule?.approvals == ["FB"])
        #expect(try Self.finding(category: "IH", column: "FB", attributes: .init(action: .expand))?.rule?.approvals == ["FB"])
        #expect(try Self.finding(category: "TP", column: "FB", attributes: .init(action: .operate))?.effectiveOutcome == .conditional)
        // Tianjin permanent ecological areas: housing prohibited in the red area, restricted in the yellow one.
        #expect(try Self.finding(category: "RE", column: "TJR", attributes: .init())?.effectiveOutcome == .prohibited)
        #expect(try Self.finding(category: "RE", column: "TJY", attributes: .init())?.rule?.approvals == ["TJY"])
        // Core scenic area: hotels prohibited (§7.1 "核心景区 P").
        #expect(try Self.finding(category: "TR", column: "SAc", attributes: .init())?.effectiveOutcome == .prohibited)
    }

    @Test(
        "a road tunnelling under a core zone, 2026 or legacy-coded, is restricted (NRX) from 2026-03-15 and prohibited before; at the surface always prohibited"
    )
    func reserveCrossing() throws {
        let core2026 = TestZone(id: "NR-CP", kind: .natureReserve, level: "core_protection", ring: rectangle(117.0, 40.0, 117.01, 40.01))
        let legacy = TestZone(id: "NR-C", kind: .natureReserve, level: "core", ring: rectangle(117.1, 40.0, 117.11, 40.01))
        let buffer = TestZone(id: "NR-B", kind: .natureReserve, level: "buffer", ring: rectangle(117.2, 40.0, 117.21, 40.01))
        let screener = try Screener(dataset: makeDataset([core2026, legacy, buffer]), ruleset: shippedRuleset)
        let afterRegulation = try #require(CalendarDay(iso: "2026-03-15"))
        let beforeRegulation = try #require(CalendarDay(iso: "2026-03-14"))
        func outcome(_ x: Double, _ crossing: Crossing?, on day: CalendarDay = afterRegulation) throws -> Finding? {
            let road = try Geometry(.lineString([Coordinate(x - 0.01, 40.005), Coordinate(x + 0.02, 40.005)]))
            let result = try screener.screen(Project(category: "RD", attributes: .init(crossing: crossing), footprint: road), on: day)
            return result.findings.first { $0.relation != .nearby }
        }
        for x in [117.0, 117.1, 117.2] {
            let tunnel = try #require(try outcome(x, .tunnel))
            #expect(tunnel.effectiveOutcome == .restricted, "\(tunnel.zone.id)")
            #expect(tunnel.rule?.approvals == ["NRX"])
            #expect(try outcome(x, .bridge)?.effectiveOutcome == .restricted)
            #expect(try outcome(x, .surface)?.effectiveOutcome == .prohibited)
            // The day before the 2026 regulation the legacy three-zone text applied: no crossing at all.
            #expect(try outcome(x, .tunnel, on: beforeRegulation)?.effectiveOutcome == .prohibited, "\(tunnel.zone.id)")
        }
        let unstated = try #require(try outcome(117.0, nil))
        #expect(unstated.effectiveOutcome == .prohibited)
        #expect(unstated.rule?.assumptions.contains { $0.en.contains("Crossing mode not stated") } == true)
    }

    @Test("a zone's access list tightens the matrix for that zone only")
    func accessList() throws {
        let entry: JSONValue = .array([
            .object(
                JSONObject([
                    "category": "IG", "outcome": "prohibited",
                    "explanation": .object(JSONObject(["zh": "本单元禁止新建工业项目", "en": "No new industry in this unit"])),
                ]))
        ])
        let strict = TestZone(id: "U-STRICT", kind: .controlUnit, level: "key", ring: rectangle(117.0, 40.0, 117.01, 40.01), accessList: entry)
        let plain = TestZone(id: "U-PLAIN", kind: .controlUnit, level: "key", ring: rectangle(117.1, 40.0, 117.11, 40.01))
        let screener = try Screener(dataset: makeDataset([strict, plain]), ruleset: shippedRuleset)
        func verdict(_ x: Double) throws -> ScreeningResult {
            try screener.screen(
                Project(
                    category: "IG", attributes: .init(dischargesToWater: false),
                    footprint: Geometry(.polygon([rectangle(x + 0.004, 40.004, x + 0.006, 40.006)]))))
        }
        let tightened = try verdict(117.0)
        #expect(tightened.verdict == .prohibited)
        #expect(tightened.findings.first?.rule?.source == "access_list")
        #expect(try verdict(117.1).verdict == .conditional)
    }
}
