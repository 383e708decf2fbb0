import Geo

/// The part of a national data folder one worker needs: the zones near a box or near some districts. A footprint
/// inside the region is screened exactly as against the whole folder, because the zones kept reach `margin` metres
/// past the region — farther than any distance the screener looks (`Ruleset.farthestLook`).
public struct RegionFilter: Sendable, Hashable {
    /// West, south, east, north in degrees.
    public var box: Envelope?
    /// County adcodes (`120119`): districts whose id is the code or ends with `-` and the code (`ADM-120119`).
    public var districts: [String]

    /// A region that cannot be read or found in the data, with what would do.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var option: String
        public var message: String
        public var description: String { "\(option): \(message)" }
    }

    public init(box: Envelope? = nil, districts: [String] = []) {
        self.box = box
        self.districts = districts
    }

    /// `W,S,E,N` in degrees.
    ///
    /// - Throws: `Problem` saying what a box looks like.
    public static func box(parsing text: String) throws(Problem) -> Envelope {
        let numbers = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, numbers.allSatisfy(\.isFinite), numbers[0] < numbers[2], numbers[1] < numbers[3], numbers[0] >= -180,
            numbers[2] <= 180, numbers[1] >= -90, numbers[3] <= 90
        else {
            throw Problem(
                option: "--bbox", message: "\"\(text)\" is not west,south,east,north in degrees (west < east, south < north), e.g. 117.0,39.5,118.0,40.3")
        }
        return Envelope(minX: numbers[0], minY: numbers[1], maxX: numbers[2], maxY: numbers[3])
    }
}

extension Dataset {
    /// The dataset with only the zones a footprint inside `region` can meet or be near: zones whose envelope comes
    /// within `margin` metres of the region, and of the districts only those in the region (so a footprint outside
    /// them is refused as outside the data, not screened against a partial map). Layers, checksums and digest stay
    /// those of the whole folder, so every record names the same data whichever region a worker loaded.
    ///
    /// - Throws: `Problem` when a district code matches no district of the data, or the box misses the districts.
    public func restricted(to region: RegionFilter, margin: Double) throws -> Dataset {
        var box = region.box
        var chosenDistricts: Set<Int> = []
        if !region.districts.isEmpty {
            for code in region.districts {
                let matches = zones.indices.filter { index in
                    zones[index].kind == .adminDistrict && (zones[index].id == code || zones[index].id.hasSuffix("-" + code))
                }
                guard !matches.isEmpty else {
                    let known = zones.filter { $0.kind == .adminDistrict }.map { "\($0.id) (\($0.name))" }
                    throw RegionFilter.Problem(
                        option: "--districts",
                        message: "no district of the data has the code \(code); the data's districts are \(known.joined(separator: ", "))")
                }
                chosenDistricts.formUnion(matches)
            }
            let districtBox = Envelope.union(of: chosenDistricts.compactMap { zones[$0].geometry.envelope })
            if let given = box, let districtBox {
                guard let both = given.intersection(districtBox) else {
                    throw RegionFilter.Problem(
                        option: "--bbox", message: "\(given) does not meet the districts \(region.districts.joined(separator: ", ")) (\(districtBox))")
                }
                box = both
            } else {
                box = districtBox
            }
        }
        guard let box else { return self }
        let reach = box.expanded(metres: margin)
        var restricted = self
        restricted.zones = zones.indices.compactMap { index in
            let zone = zones[index]
            if zone.kind == .adminDistrict {
                if !chosenDistricts.isEmpty { return chosenDistricts.contains(index) ? zone : nil }
                return zone.geometry.envelope.map(box.intersects) == true ? zone : nil
            }
            return zone.geometry.envelope.map(reach.intersects) == true ? zone : nil
        }
        return restricted
    }
}
