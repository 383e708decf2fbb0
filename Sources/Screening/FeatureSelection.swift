/// The one feature a single screening takes from a submission: the only one, or the one a selector names.
extension Submission {
    /// The feature `selector` names — its 0-based index, else its id — or the only feature when there is no selector.
    ///
    /// - Throws: `ScreeningError.footprint` (hint `.chooseFeature`) when the file holds several features and none is
    ///   named, or no feature has that index or id.
    public static func single(_ candidates: [SubmittedFeature], selector: String?, file: String) throws -> SubmittedFeature {
        var picked = candidates
        if let selector {
            picked = Int(selector).map { index in candidates.filter { $0.index == index } } ?? candidates.filter { $0.id == selector }
            if picked.isEmpty {
                let what = Int(selector) != nil ? "feature \(selector)" : "feature with id \"\(selector)\""
                throw ScreeningError.footprint(
                    file: file, feature: nil, message: "has no \(what) (it holds \(candidates.count))", hint: .chooseFeature)
            }
        }
        guard picked.count == 1, let only = picked.first else {
            throw ScreeningError.footprint(
                file: file, feature: nil, message: "holds \(picked.count) features; screen one of them or all as a batch", hint: .chooseFeature)
        }
        return only
    }
}
