import Foundation
import Rasterizer

/// The shared benchmark scenes (`scenes.py --raw`): one folder per scene with `manifest.json` and
/// `KEY.bin` raw little-endian arrays, turned into a `DrawList` and a `Camera` following the scenes'
/// conventions (see ../shared/bench/PEERS.md).
struct BenchScene {
    let name: String
    let list: DrawList
    let camera: Camera
    let notes: String

    static let names = ["points_1m", "points_10m", "lines_100k", "mesh_1m", "image_4k", "depth_640x480", "dna"]

    enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        case badArray(String)
        var description: String {
            switch self {
            case .missing(let s): return "missing \(s) (run: python3 ../shared/bench/scenes.py --raw --no-npz)"
            case .badArray(let s): return "bad array \(s)"
            }
        }
    }

    /// Reads the raw files of one scene.
    struct Raw {
        let dir: URL
        let arrays: [String: [String: Any]]

        init(dir: URL) throws {
            self.dir = dir
            let url = dir.appendingPathComponent("manifest.json")
            guard let data = try? Data(contentsOf: url),
                  let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let arrays = json["arrays"] as? [String: [String: Any]] else { throw LoadError.missing(url.path) }
            self.arrays = arrays
        }

        func string(_ key: String) -> String? { arrays[key]?["value"] as? String }

        func array<T>(_ key: String, _: T.Type) throws -> [T] {
            guard let e = arrays[key], let file = e["file"] as? String, let shape = e["shape"] as? [Int] else {
                throw LoadError.missing("\(dir.lastPathComponent)/\(key)")
            }
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            let n = shape.reduce(1, *)
            guard data.count == n * MemoryLayout<T>.stride else { throw LoadError.badArray(key) }
            return [T](unsafeUninitializedCapacity: n) { buf, count in
                _ = data.copyBytes(to: buf)
                count = n
            }
        }

        func scalar<T>(_ key: String, _ t: T.Type) throws -> T {
            guard let v = try array(key, t).first else { throw LoadError.badArray(key) }
            return v
        }

        func vec3(_ key: String) throws -> [SIMD3<Float>] {
            let f = try array(key, Float.self)
            return (0..<f.count / 3).map { SIMD3(f[3 * $0], f[3 * $0 + 1], f[3 * $0 + 2]) }
        }

        func colors(_ key: String) throws -> [RGBA8] {
            let b = try array(key, UInt8.self)
            return (0..<b.count / 3).map { RGBA8(b[3 * $0], b[3 * $0 + 1], b[3 * $0 + 2]) }
        }

        func camera() throws -> Camera {
            guard let view = Mat4(rowMajor: try array("view", Float.self)),
                  let proj = Mat4(rowMajor: try array("proj", Float.self)) else { throw LoadError.badArray("view/proj") }
            return Camera(cameraFromWorld: view, clipFromCamera: proj, width: Int(try scalar("width", Int32.self)),
                          height: Int(try scalar("height", Int32.self)))
        }

        func background() throws -> RGBA8 {
            let bg = try array("bg", UInt8.self)
            return bg.count >= 3 ? RGBA8(bg[0], bg[1], bg[2]) : .black
        }
    }

    /// Loads scene `name` from `folder/name/`, its points with `shading` (the peers draw them flat).
    static func load(_ name: String, from folder: URL, shading: PointShading = .flat) throws -> BenchScene {
        let shaded = shading == .gradient ? ", gradient-shaded points" : ""
        let raw = try Raw(dir: folder.appendingPathComponent(name))
        var list = DrawList(background: try raw.background())
        let kind = raw.string("kind") ?? ""
        switch kind {
        case "points":
            list.add(PointBatch(positions: try raw.vec3("positions"), radii: [try raw.scalar("radius", Float.self)],
                                colors: try raw.colors("colors"), shape: .disc, shading: shading, minRadiusPixels: 0.5))
            return BenchScene(name: name, list: list, camera: try raw.camera(),
                              notes: "flat discs d=max(1,2rf/z), 4x MSAA, depth test" + shaded)
        case "lines":
            let offsets = try raw.array("strip_offsets", Int32.self).map(Int.init)
            let widths = try raw.array("strip_width_px", Float.self)
            list.add(LineBatch(positions: try raw.vec3("vertices"), stripStarts: Array(offsets.dropLast()),
                               radii: widths.map { -$0 / 2 }, colors: try raw.colors("colors"), colorsPerVertex: true))
            return BenchScene(name: name, list: list, camera: try raw.camera(),
                              notes: "100 strips as capsules (round joins), width per strip in px, 4x MSAA")
        case "mesh":
            let tris = try raw.array("triangles", Int32.self).map { UInt32(bitPattern: $0) }
            let light = try raw.array("light_dir", Float.self)
            list.add(MeshBatch(positions: try raw.vec3("vertices"), indices: tris, normals: try raw.vec3("normals"),
                               colors: try raw.colors("colors"),
                               lighting: .lambert(direction: SIMD3(light[0], light[1], light[2]),
                                                  ambient: try raw.scalar("ambient", Float.self))))
            return BenchScene(name: name, list: list, camera: try raw.camera(),
                              notes: "indexed triangles, per-pixel Lambert, no culling, 4x MSAA")
        case "image":
            guard let shape = raw.arrays["image"]?["shape"] as? [Int], shape.count == 3,
                  let tex = Texture(width: shape[1], height: shape[0], rgb: try raw.array("image", UInt8.self)) else {
                throw LoadError.badArray("image")
            }
            let w = Int(try raw.scalar("width", Int32.self)), h = Int(try raw.scalar("height", Int32.self))
            // `.automatic`: for this exact 2:1 reduction the box-filtered mipmap level 1 (linear light,
            // built once with the texture) is sampled at its texel centres = the 2x2 box average.
            list.add(ImageQuad(texture: tex, xAxis: [Float(w), 0, 0], yAxis: [0, Float(h), 0],
                               filter: raw.string("filter") == "nearest" ? .nearest : .automatic, layer: .overlay,
                               space: .pixels))
            return BenchScene(name: name, list: list, camera: .pixels(width: w, height: h),
                              notes: "2D image quad (overlay, no depth), 2x2 box in linear light via mip level 1")
        case "depth":
            let size = try raw.scalar("point_size_px", Float.self)
            list.add(PointBatch(positions: try raw.vec3("positions"), radii: [-size / 2], colors: try raw.colors("colors"),
                                shape: .square, shading: shading))
            return BenchScene(name: name, list: list, camera: try raw.camera(),
                              notes: "307,200 squares of 2 px from the precomputed back-projection, 4x MSAA" + shaded)
        case "dna":
            list.add(PointBatch(positions: try raw.vec3("positions"), radii: [try raw.scalar("radius", Float.self)],
                                colors: try raw.colors("colors"), shape: .disc, shading: shading))
            let verts = try raw.vec3("line_vertices"), lcol = try raw.colors("line_colors")
            let segs = try raw.array("segments", Int32.self).map(Int.init)
            let width = try raw.array("segment_width_px", Float.self).first ?? 2
            var pos: [SIMD3<Float>] = [], col: [RGBA8] = [], starts: [Int] = []
            for s in 0..<segs.count / 2 {
                starts.append(pos.count)
                for v in [segs[2 * s], segs[2 * s + 1]] { pos.append(verts[v]); col.append(lcol[v]) }
            }
            list.add(LineBatch(positions: pos, stripStarts: starts, radii: [-width / 2], colors: col, colorsPerVertex: true))
            list.add(PointBatch(positions: try raw.vec3("bead_positions"), radii: [try raw.scalar("bead_radius", Float.self)],
                                colors: try raw.colors("bead_colors"), shape: .disc, shading: shading))
            return BenchScene(name: name, list: list, camera: try raw.camera(),
                              notes: "3 draws: 200 discs, 100 capsule segments 2 px, 100 bead discs, 4x MSAA" + shaded)
        default:
            throw LoadError.badArray("kind \(kind)")
        }
    }
}
