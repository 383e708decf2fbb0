import Screening

/// What a report names so that it can be reproduced: tool, libraries, ruleset, dataset and input.
public struct Provenance: Sendable {
    /// The tool's version.
    public var toolVersion: String
    /// "GEOS 3.11.1, PROJ 9.1.1".
    public var libraries: String
    /// The input file as given (nil for a record of a stream, which depends on the feature alone) and the SHA-256 of
    /// its bytes (of the canonical feature for a stream record).
    public var inputFile: String?
    public var inputSHA256: String

    /// Provenance of one run.
    public init(toolVersion: String, libraries: String, inputFile: String?, inputSHA256: String) {
        self.toolVersion = toolVersion
        self.libraries = libraries
        self.inputFile = inputFile
        self.inputSHA256 = inputSHA256
    }
}

/// The banner every report on illustrative data carries.
public enum IllustrativeBanner {
    public static let text = LocalizedText(
        zh: "示意数据：本结果所用的红线和保护区边界为 RedLine 根据规划文本绘制的示意图层，并非官方划定，不构成正式审查意见。",
        en:
            "ILLUSTRATIVE DATA: the red-line and protection-zone boundaries used here were drawn by RedLine from the plans' text; they are not official delineations, and this result is not an official determination."
    )
}
