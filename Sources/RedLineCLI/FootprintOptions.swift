import ArgumentParser
import Geo
import Screening

/// How footprint coordinates are read (`--crs`, `--datum`, `--repair`): shared by screen and batch.
struct FootprintOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "CRS of footprint coordinates when a file does not say (EPSG code or PROJ string), e.g. EPSG:4527 for CGCS2000 3-degree GK zone 39 with the zone prefix."
    )
    var crs: String?

    @Option(name: .long, help: "The footprints were drawn on a Chinese web map: gcj02 (Amap, Tencent) or bd09 (Baidu); converted to WGS 84 before screening.")
    var datum: WebMapDatum = .wgs84

    @Flag(name: .long, help: "Repair invalid footprints with GEOS make-valid and screen the repair (stated in each report).")
    var repair = false

    /// The CRS declared on the command line, if any.
    var declaredCRS: CRS? { crs.map(CRS.init) }

    /// How a submission is read under these flags; front ends add overrides and defaults of their own.
    func submissionOptions() -> SubmissionOptions {
        var options = SubmissionOptions()
        options.datum = datum
        options.crs = declaredCRS
        options.repair = repair
        return options
    }
}
