import Geo

/// The screener's geometry over a dataset's zones, built once and shared by all threads: Geo's engines, given the
/// zones that carry rules as polygons and each zone's kind as its group.
///
/// - `pieces` answers which zones a footprint meets or lies wholly in, and measures overlaps (`PolygonPieces`).
/// - `boundaries` answers the nearest zone of a kind and the zones of a kind within a distance (`BoundaryChunkIndex`).
final class ZoneIndex: Sendable {
    let pieces: PolygonPieces
    let boundaries: BoundaryChunkIndex

    init(zones: [Zone]) throws {
        pieces = try PolygonPieces(polygons: zones.map { $0.kind.carriesRules ? $0.geometry : nil })
        boundaries = try BoundaryChunkIndex(polygons: zones.map(\.geometry), groups: zones.map { $0.kind.carriesRules ? ZoneIndex.group($0.kind) : nil })
    }

    /// The group number of a kind in the boundary index.
    static func group(_ kind: ZoneKind) -> Int { ZoneKind.allCases.firstIndex(of: kind) ?? -1 }
}
