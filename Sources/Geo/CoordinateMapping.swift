internal import CGEOS

extension Geometry {
    /// The geometry with every coordinate replaced by `body`'s answer, structure kept (GEOS `GEOSGeom_transformXY`).
    /// Nil when `body` gave nil for some coordinate (the caller says why); GEOS failures throw.
    func mappingCoordinates(_ operation: String, _ body: (Coordinate) -> Coordinate?) throws -> Geometry? {
        try withoutActuallyEscaping(body) { body in
            final class State {
                let body: (Coordinate) -> Coordinate?
                var refused = false
                init(_ body: @escaping (Coordinate) -> Coordinate?) { self.body = body }
            }
            let state = State(body)
            let context = GEOSContext.current
            context.clearMessage()
            let result = withExtendedLifetime(state) {
                GEOSGeom_transformXY_r(
                    context.handle, handle,
                    { x, y, userdata in
                        guard let x, let y, let userdata else { return 0 }
                        let state = Unmanaged<State>.fromOpaque(userdata).takeUnretainedValue()
                        guard let out = state.body(Coordinate(x.pointee, y.pointee)) else {
                            state.refused = true
                            return 0
                        }
                        x.pointee = out.x
                        y.pointee = out.y
                        return 1
                    }, Unmanaged.passUnretained(state).toOpaque())
            }
            if state.refused { return nil }
            guard let result else { throw context.error(operation) }
            return Geometry(owning: result)
        }
    }
}
