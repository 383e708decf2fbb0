internal import CGEOS
internal import CPROJ

/// The versions of GEOS and PROJ this process runs with (the shared libraries, not the headers).
public enum LibraryVersions {
    /// GEOS's version string, for example "3.11.1-CAPI-1.17.1".
    public static var geos: String { String(cString: GEOSversion()) }
    /// PROJ's version, for example "9.1.1".
    public static var proj: String { "\(proj_info().major).\(proj_info().minor).\(proj_info().patch)" }
    /// "GEOS 3.11.1, PROJ 9.1.1".
    public static var summary: String {
        let geosShort = geos.split(separator: "-").first.map(String.init) ?? geos
        return "GEOS \(geosShort), PROJ \(proj)"
    }
}
