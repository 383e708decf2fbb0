import Geo

/// What the project does on its site (新建 / 改建 / 扩建 / 运维).
public enum ProjectAction: String, Sendable, Hashable, CaseIterable {
    case new
    case rebuild
    case expand
    case operate
}

/// How a linear project passes through a zone.
public enum Crossing: String, Sendable, Hashable, CaseIterable {
    case surface
    case tunnel
    case bridge
    case aerial
}

/// The project facts the rules need (DOMAIN.md §6). Unknown facts are nil: the screener then takes the
/// strictest reading and says so in the result.
public struct ProjectAttributes: Sendable, Hashable {
    /// 新建 / 改建 / 扩建 / 运维. Defaults to new construction.
    public var action: ProjectAction
    /// Whether it discharges pollutants to water; nil when not stated.
    public var dischargesToWater: Bool?
    /// Whether it is a linear project (road, pipeline, line); nil to take it from the geometry.
    public var linear: Bool?
    /// How a linear project crosses zones; nil reads as surface (the strictest).
    public var crossing: Crossing?
    /// Whether it is on a list of national major projects (国家重大项目).
    public var nationalMajorProject: Bool

    /// Attributes with defaults: new construction, discharge unknown, not a national major project.
    public init(
        action: ProjectAction = .new, dischargesToWater: Bool? = nil, linear: Bool? = nil,
        crossing: Crossing? = nil, nationalMajorProject: Bool = false
    ) {
        self.action = action
        self.dischargesToWater = dischargesToWater
        self.linear = linear
        self.crossing = crossing
        self.nationalMajorProject = nationalMajorProject
    }
}

/// A proposed project to screen: what it is and where.
public struct Project: Sendable {
    /// The project's id, when the submission gives one.
    public var id: String?
    /// The project's name.
    public var name: String?
    /// The category code of the ruleset (DOMAIN.md §7), for example "LV" for a livestock farm.
    public var category: String
    /// The facts the rules need.
    public var attributes: ProjectAttributes
    /// The footprint in lon/lat (CGCS2000 ≈ WGS 84): Point, LineString, Polygon or their Multi forms.
    public var footprint: Geometry

    /// A project.
    public init(id: String? = nil, name: String? = nil, category: String, attributes: ProjectAttributes = .init(), footprint: Geometry) {
        self.id = id
        self.name = name
        self.category = category
        self.attributes = attributes
        self.footprint = footprint
    }
}
