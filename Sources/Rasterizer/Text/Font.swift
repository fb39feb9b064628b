import CFreeType
import Foundation

/// A font face rendered through FreeType into 8-bit coverage bitmaps, with a glyph cache.
///
/// Glyphs are rendered unhinted (like egui's text in the viewer) at whole-pixel pen positions, so the same text at the same size
/// always gives the same bitmaps (for a given FreeType version). Thread-safe: a lock guards the
/// face and the cache.
public final class Font: @unchecked Sendable {
    /// The open-licence faces bundled with the rasterizer: Inter (Rerun's UI font) and DejaVu Sans Mono (code).
    public enum Bundled: String, Sendable {
        case regular = "Inter-Regular", medium = "Inter-Medium", mono = "DejaVuSansMono"
        var fileExtension: String { self == .mono ? "ttf" : "otf" }
    }

    /// One rendered glyph: coverage rows top to bottom and its placement relative to the pen.
    struct Glyph: Sendable {
        let width: Int, height: Int
        /// Offset of the bitmap's top-left from the pen position on the baseline (y down).
        let left: Int, top: Int
        /// Pen advance in 1/64 pixels: the unhinted advance, as egui (the viewer's UI) lays text out.
        let advance64: Int
        let coverage: [UInt8]
    }

    /// Vertical metrics at one size, in pixels.
    struct Metrics: Sendable { let ascender: Float, descender: Float, lineHeight: Float }

    private struct Key: Hashable { let scalar: UInt32; let size64: Int }

    private let lock = NSLock()
    private var library: FT_Library?
    private var face: FT_Face?
    private let bytes: UnsafeMutableRawBufferPointer
    private var glyphs: [Key: Glyph] = [:]

    /// Fonts bundled with the package, loaded once.
    public static let interRegular: Font? = try? Font(bundled: .regular)
    public static let interMedium: Font? = try? Font(bundled: .medium)
    public static let dejaVuSansMono: Font? = try? Font(bundled: .mono)

    /// Loads a bundled face.
    public convenience init(bundled: Bundled) throws {
        let ext = bundled.fileExtension
        guard let url = Bundle.module.url(forResource: bundled.rawValue, withExtension: ext, subdirectory: "Fonts")
                ?? Bundle.module.url(forResource: bundled.rawValue, withExtension: ext) else {
            throw FontError.missingResource(bundled.rawValue + "." + ext)
        }
        try self.init(data: [UInt8](try Data(contentsOf: url)))
    }

    /// Loads a face from the bytes of an OpenType/TrueType file.
    public init(data: [UInt8]) throws {
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, data.count), alignment: 16)
        bytes.copyBytes(from: data)
        var lib: FT_Library?
        guard FT_Init_FreeType(&lib) == 0, let lib else {
            bytes.deallocate()
            throw FontError.freeType("FT_Init_FreeType failed")
        }
        var f: FT_Face?
        let err = FT_New_Memory_Face(lib, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), data.count, 0, &f)
        guard err == 0, let f else {
            FT_Done_FreeType(lib)
            bytes.deallocate()
            throw FontError.freeType("FT_New_Memory_Face failed with error \(err)")
        }
        library = lib
        face = f
    }

    deinit {
        if let face { FT_Done_Face(face) }
        if let library { FT_Done_FreeType(library) }
        bytes.deallocate()
    }

    /// Size in 1/64 pixels, clamped to 1…1000 px; NaN → 12 px.
    static func size64(_ pixels: Float) -> Int {
        let p = pixels.isNaN ? 12 : min(max(pixels, 1), 1000)
        return Int((p * 64).rounded())
    }

    func metrics(size64: Int) -> Metrics {
        lock.lock(); defer { lock.unlock() }
        guard let face, setSize(size64) else { return Metrics(ascender: 0, descender: 0, lineHeight: 0) }
        let m = face.pointee.size.pointee.metrics
        return Metrics(ascender: Float(m.ascender) / 64, descender: Float(m.descender) / 64,
                       lineHeight: Float(m.height) / 64)
    }

    /// The glyph of `scalar` at `size64`, rendered on first use (a missing glyph gives FreeType's
    /// .notdef box; a failure gives an empty glyph).
    func glyph(_ scalar: Unicode.Scalar, size64: Int) -> Glyph {
        let key = Key(scalar: scalar.value, size64: size64)
        lock.lock(); defer { lock.unlock() }
        if let g = glyphs[key] { return g }
        let g = render(scalar, size64) ?? Glyph(width: 0, height: 0, left: 0, top: 0, advance64: 0, coverage: [])
        glyphs[key] = g
        return g
    }

    private func setSize(_ size64: Int) -> Bool {
        guard let face else { return false }
        return FT_Set_Char_Size(face, 0, FT_F26Dot6(size64), 72, 72) == 0
    }

    private func render(_ scalar: Unicode.Scalar, _ size64: Int) -> Glyph? {
        guard let face, setSize(size64),
              FT_Load_Char(face, FT_ULong(scalar.value), FT_Int32(FT_LOAD_RENDER | FT_LOAD_NO_HINTING)) == 0,
              let slot = face.pointee.glyph else { return nil }
        let bm = slot.pointee.bitmap
        let w = Int(bm.width), h = Int(bm.rows), pitch = Int(bm.pitch)
        var cov = [UInt8](repeating: 0, count: w * h)
        if let buf = bm.buffer, w > 0, h > 0, bm.pixel_mode == UInt8(FT_PIXEL_MODE_GRAY.rawValue) {
            for y in 0..<h {
                let row = pitch >= 0 ? buf + y * pitch : buf + (h - 1 - y) * (-pitch)
                for x in 0..<w { cov[y * w + x] = row[x] }
            }
        }
        return Glyph(width: w, height: h, left: Int(slot.pointee.bitmap_left), top: Int(slot.pointee.bitmap_top),
                     advance64: Int(slot.pointee.linearHoriAdvance) >> 10, coverage: cov)
    }
}

/// Why a font could not be loaded.
public enum FontError: Error, Equatable {
    case missingResource(String)
    case freeType(String)
}
