import ArrowIPC

/// `rerun.components.ViewCoordinates`: the meaning of the x, y and z axes, one direction code per axis
/// (1 Up, 2 Down, 3 Right, 4 Left, 5 Forward, 6 Back).
public struct ViewCoordinates: Sendable, Hashable {
    public enum Direction: UInt8, Sendable, Hashable {
        case up = 1, down, right, left, forward, back
    }

    public var x: Direction
    public var y: Direction
    public var z: Direction

    public init(_ x: Direction, _ y: Direction, _ z: Direction) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The three codes, x first (the stored `u8×3`).
    public var codes: [UInt8] { [x.rawValue, y.rawValue, z.rawValue] }

    public static let rdf = ViewCoordinates(.right, .down, .forward)
    public static let rub = ViewCoordinates(.right, .up, .back)
    public static let ruf = ViewCoordinates(.right, .up, .forward)
    public static let rdb = ViewCoordinates(.right, .down, .back)
    public static let luf = ViewCoordinates(.left, .up, .forward)
    public static let lub = ViewCoordinates(.left, .up, .back)
    public static let ldf = ViewCoordinates(.left, .down, .forward)
    public static let ldb = ViewCoordinates(.left, .down, .back)
    public static let flu = ViewCoordinates(.forward, .left, .up)
    public static let fru = ViewCoordinates(.forward, .right, .up)
    public static let frd = ViewCoordinates(.forward, .right, .down)
    public static let fld = ViewCoordinates(.forward, .left, .down)
    public static let blu = ViewCoordinates(.back, .left, .up)
    public static let bru = ViewCoordinates(.back, .right, .up)
    public static let bld = ViewCoordinates(.back, .left, .down)
    public static let brd = ViewCoordinates(.back, .right, .down)
    public static let rfu = ViewCoordinates(.right, .forward, .up)
    public static let rbd = ViewCoordinates(.right, .back, .down)
    public static let lfd = ViewCoordinates(.left, .forward, .down)
    public static let lbu = ViewCoordinates(.left, .back, .up)
    public static let ufr = ViewCoordinates(.up, .forward, .right)
    public static let dfl = ViewCoordinates(.down, .forward, .left)

    /// X=Right, Y=Forward, Z=Up (`RIGHT_HAND_Z_UP` = RFU).
    public static let rightHandZUp = rfu
    /// X=Right, Y=Back, Z=Down.
    public static let rightHandZDown = rbd
    /// X=Right, Y=Up, Z=Back (`RIGHT_HAND_Y_UP` = RUB).
    public static let rightHandYUp = rub
    /// X=Right, Y=Down, Z=Forward.
    public static let rightHandYDown = rdf
    /// X=Right, Y=Up, Z=Forward.
    public static let leftHandYUp = ruf
    /// X=Right, Y=Down, Z=Back.
    public static let leftHandYDown = rdb
    /// X=Right, Y=Back, Z=Up.
    public static let leftHandZUp = ViewCoordinates(.right, .back, .up)
    /// X=Right, Y=Forward, Z=Down.
    public static let leftHandZDown = ViewCoordinates(.right, .forward, .down)
}

extension ArrowArray {
    static func viewCoordinates(_ v: [ViewCoordinates]) -> ArrowArray { fixed(v.flatMap(\.codes), size: 3) }
}
