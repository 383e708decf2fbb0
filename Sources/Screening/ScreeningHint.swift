/// What a user can do about an error, in the library's own terms. Front ends word it their way: the CLI names the
/// flag, a server the request member; the library's messages never name a flag.
public enum ScreeningHint: Sendable, Hashable {
    /// State this project attribute (category, discharges_to_water, crossing …).
    case stateAttribute(String)
    /// Ask for GEOS's repair of an invalid geometry (the repair is then stated).
    case repairGeometry
    /// Screen against data that covers the site.
    case chooseData
    /// Declare the coordinates' CRS.
    case declareCRS
    /// The file names one CRS and the declaration another: keep one.
    case conflictingCRS
    /// Describe the layer's fields in a mapping.
    case giveMapping
    /// Name the profile that reads the layer.
    case chooseProfile
    /// Write into a folder that already holds files.
    case replaceOutput
    /// Pick one feature of a file that holds several (or screen them all as a batch).
    case chooseFeature
}
