/// The meaning of each coordinate axis, as Rerun's `ViewCoordinates` stores it: one code per axis
/// X, Y, Z with 1 Up, 2 Down, 3 Right, 4 Left, 5 Forward, 6 Back.
///
/// ViewCoordinates never move data; they orient the 3D view's camera and grid, and a Pinhole's camera.
public struct ViewAxes: Equatable, Sendable {
    public enum Direction: UInt8, Sendable { case up = 1, down, right, left, forward, back }

    public let x: Direction, y: Direction, z: Direction

    public init(x: Direction, y: Direction, z: Direction) { self.x = x; self.y = y; self.z = z }

    /// Nil unless the three codes are valid and name three different directions (up/down, left/right, forward/back).
    public init?(codes: [UInt8]) {
        guard codes.count == 3, let x = Direction(rawValue: codes[0]), let y = Direction(rawValue: codes[1]),
              let z = Direction(rawValue: codes[2]) else { return nil }
        let families = Set([x, y, z].map { ($0.rawValue - 1) / 2 })
        guard families.count == 3 else { return nil }
        self.init(x: x, y: y, z: z)
    }

    /// X right, Y forward, Z up: the 3D view's default.
    public static let rfu = ViewAxes(x: .right, y: .forward, z: .up)
    /// X right, Y down, Z forward: the default camera convention of a Pinhole.
    public static let rdf = ViewAxes(x: .right, y: .down, z: .forward)

    /// The unit vector, in these coordinates, that points towards `direction`.
    public func vector(_ direction: Direction) -> SIMD3<Double> {
        let axes = [x, y, z]
        for (i, d) in axes.enumerated() {
            var v = SIMD3<Double>.zero
            if d == direction { v[i] = 1; return v }
            if d.opposite == direction { v[i] = -1; return v }
        }
        return .zero  // unreachable for valid axes
    }

    public var up: SIMD3<Double> { vector(.up) }
    public var right: SIMD3<Double> { vector(.right) }
    public var forward: SIMD3<Double> { vector(.forward) }

    /// The rotation taking a point given in RDF camera coordinates into these coordinates
    /// (Rerun's `R(camera_xyz ← RDF)`).
    public var fromRDF: Affine3 {
        Affine3(c0: vector(.right), c1: vector(.down), c2: vector(.forward))
    }
}

extension ViewAxes.Direction {
    var opposite: Self {
        switch self {
        case .up: .down
        case .down: .up
        case .right: .left
        case .left: .right
        case .forward: .back
        case .back: .forward
        }
    }
}
