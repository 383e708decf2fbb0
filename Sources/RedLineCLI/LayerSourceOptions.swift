import ArgumentParser
import Geo
import Screening

/// `--data` and `--crs` of the commands that read zone layers without screening (area, zones check).
struct LayerSourceOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder or layer file (default: the bundled geodata).")
    var data: String?

    @Option(name: .long, help: "CRS of layers that do not name one (EPSG code or PROJ string); default lon/lat.")
    var crs: String?

    /// The folder or file to read.
    func source() throws -> String { try DataLocator.folder(explicit: data) }

    /// The CRS assumed for layers that do not declare one.
    var assumedCRS: CRS? { crs.map(CRS.init) }
}
