internal import CPROJ

/// A PROJ context owned by exactly one thread, with that thread's cache of transformation objects.
///
/// A `PJ` belongs to the context it was made in, and neither may be used by two threads at once;
/// keeping both per thread lets `CoordinateTransform` be a `Sendable` value that is safe to use
/// from any thread or task.
final class PROJContext {
    let handle: OpaquePointer
    private var transforms: [TransformKey: OpaquePointer] = [:]

    struct TransformKey: Hashable {
        let source: String
        let target: String
    }

    private static let perThread = ThreadLocal { PROJContext() }

    /// The calling thread's context.
    static var current: PROJContext { perThread.value }

    private init() {
        guard let handle = proj_context_create() else { fatalError("proj_context_create returned NULL: out of memory") }
        self.handle = handle
        // Never reach for the network (CDN grids): results must not depend on connectivity.
        proj_context_set_enable_network(handle, 0)
        // PROJ logs errors to stderr by default; they reach the user through GeoError instead.
        proj_log_level(handle, PJ_LOG_NONE)
    }

    deinit {
        for pj in transforms.values { proj_destroy(pj) }
        proj_context_destroy(handle)
    }

    /// The last error's text.
    func errorMessage() -> String {
        let code = proj_context_errno(handle)
        guard code != 0, let text = proj_context_errno_string(handle, code) else { return "unknown PROJ error" }
        return String(cString: text)
    }

    /// The text of the last error raised by `pj` (falling back to the context's last error).
    func errorMessage(of pj: OpaquePointer) -> String {
        let code = proj_errno(pj)
        guard code != 0, let text = proj_context_errno_string(handle, code) else { return errorMessage() }
        return String(cString: text)
    }

    /// Datums PROJ can only shift to the modern ones by a guess.
    static let guessedDatums = ["Xian 1980", "Beijing 1954"]

    /// The name of a CRS's geodetic datum (or datum ensemble) as PROJ knows it, when it has one.
    private func datumName(of crs: OpaquePointer) -> String? {
        guard let datum = proj_crs_get_datum(handle, crs) ?? proj_crs_get_datum_ensemble(handle, crs) else { return nil }
        defer { proj_destroy(datum) }
        return proj_get_name(datum).map { String(cString: $0) }
    }

    /// The cached transformation from `source` to `target` with longitude/easting first, made on first use.
    func transform(from source: CRS, to target: CRS) throws -> OpaquePointer {
        let key = TransformKey(source: source.definition, target: target.definition)
        if let cached = transforms[key] { return cached }
        var datums: [String?] = []
        for crs in [source, target] {
            guard let probe = proj_create(handle, crs.definition) else {
                throw GeoError.unknownCRS(definition: crs.definition, message: errorMessage())
            }
            datums.append(datumName(of: probe))
            proj_destroy(probe)
        }
        // Xi'an 1980 and Beijing 1954 differ from CGCS2000 and WGS 84 by metres to tens of metres, and PROJ knows no
        // shift for them but a "ballpark" guess: without explicit +towgs84 parameters the transformation is refused.
        if datums[0] != datums[1] {
            for (crs, datum) in zip([source, target], datums) {
                if let datum, Self.guessedDatums.contains(where: { datum.contains($0) }), !crs.hasTOWGS84 {
                    throw GeoError.guessedDatumShift(definition: crs.definition, datum: datum)
                }
            }
        }
        guard let raw = proj_create_crs_to_crs(handle, source.towgs84Partner(of: target), target.towgs84Partner(of: source), nil) else {
            throw GeoError.proj(operation: "create transformation \(source) → \(target)", message: errorMessage())
        }
        // EPSG:4490 and 4326 are latitude-first by definition; normalise so x is always longitude (or easting).
        let normalised = proj_normalize_for_visualization(handle, raw)
        proj_destroy(raw)
        guard let normalised else {
            throw GeoError.proj(operation: "normalise axis order \(source) → \(target)", message: errorMessage())
        }
        transforms[key] = normalised
        return normalised
    }
}
