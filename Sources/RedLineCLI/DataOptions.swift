import ArgumentParser
import Screening

/// `--data` and `--rules`, shared by the commands that screen.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder with catalog.json, layers and rules, or a single layer file (default: the bundled geodata).")
    var data: String?

    @Option(name: .long, help: "Ruleset file (default: rules/ruleset.json of the data folder).")
    var rules: String?

    /// The dataset and its ruleset.
    func load() throws -> (Dataset, Ruleset) {
        let dataset = try Dataset.load(folder: DataLocator.folder(explicit: data))
        return (dataset, try Ruleset.load(contentsOf: rules ?? dataset.rulesetPath))
    }
}
