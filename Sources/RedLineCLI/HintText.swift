import Screening

/// The CLI's words for what the library says a user can do: the flag of the command at hand.
enum HintText {
    /// " (use --repair)" and the like, or "" when the error carries no hint or the command has no such flag.
    static func suffix(for error: any Error, command: String) -> String {
        guard let hint = (error as? ScreeningError)?.hint, let flag = flag(hint, command: command) else { return "" }
        return " (\(flag))"
    }

    static func flag(_ hint: ScreeningHint, command: String) -> String? {
        switch hint {
        case let .stateAttribute(name) where name == "category":
            return command == "batch" ? "give --default-category CODE or name the property with --category-key" : "give --category CODE"
        case let .stateAttribute(name):
            return command == "screen" ? "give --\(name.replacingOccurrences(of: "_", with: "-"))" : "give the feature a \(name) property"
        case .repairGeometry: return "--repair screens GEOS's repair"
        case .chooseData: return "--data DIR names a data folder"
        case .declareCRS: return "--crs declares it"
        case .conflictingCRS: return "drop --crs or the file's crs member"
        case .giveMapping: return "--mapping FILE describes the fields"
        case .chooseProfile: return "--profile NAME, or --mapping FILE"
        case .replaceOutput: return "--force replaces it"
        case .chooseFeature: return command == "screen" ? "--feature INDEX|ID picks one; `redline batch` screens them all" : nil
        }
    }
}
