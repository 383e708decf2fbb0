import Foundation
import FuzzChecks
import ScreeningTestSupport
import Testing

/// Every input a fuzzer ever found (Tests/FuzzRegressionTests/Cases/TARGET/) and the seeds scripts/fuzz starts from,
/// through the same checks the fuzzer runs: no crash, no broken property.
@Suite("Fuzz regression cases")
struct FuzzRegressionTests {
    static let cases = repositoryRoot.appendingPathComponent("Tests/FuzzRegressionTests/Cases")

    /// The kept cases of a target, and the seed files every target shares.
    static func inputs(_ check: FuzzCheck) throws -> [URL] {
        let folder = cases.appendingPathComponent(check.rawValue)
        let kept = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.lastPathComponent != "README" }
        let examples = try FileManager.default.contentsOfDirectory(
            at: repositoryRoot.appendingPathComponent("geodata/examples"), includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "geojson" }
        let bad = try FileManager.default.contentsOfDirectory(
            at: repositoryRoot.appendingPathComponent("Tests/ServerTests/Fixtures/bench_bad_inputs"), includingPropertiesForKeys: nil
        ).filter { $0.pathExtension == "geojson" }
        switch check {
        case .geojson, .ndjson, .screen: return kept + examples + bad
        case .ruleset: return kept + [repositoryRoot.appendingPathComponent("geodata/rules/ruleset.json")]
        case .catalog, .boundaryPoints: return kept
        }
    }

    @Test("each target's kept cases and seeds pass its checks", arguments: FuzzCheck.allCases)
    func replay(_ check: FuzzCheck) throws {
        let harness = try FuzzHarness(check, repository: repositoryRoot)
        for input in try Self.inputs(check) {
            let bytes = try Array(Data(contentsOf: input))
            #expect(throws: Never.self, "\(input.lastPathComponent)") { try harness.run(bytes) }
        }
    }
}
