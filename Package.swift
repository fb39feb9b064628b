// swift-tools-version:6.0
// rrd-render: Rerun recordings rendered to pictures on the CPU.
// Imports point one way (see README, "Architecture"):
// ArrowIPC → RRDFormat → RecordingModel → RecordingSDK
// Rasterizer (knows nothing of Rerun) ─┐
// RecordingModel ──────────────────────┴→ SceneBuilding → rrd-render / rrd-bench
// MediaCodecs (libpng, turbojpeg, FFmpeg) → GoldenImage
import PackageDescription
import Foundation

/// `RRD_RENDER_CPU=x86-64-v3` (set by scripts/build when the CPU has AVX2 + FMA) makes the
/// pixel targets use AVX2/FMA code. Without it the build is portable x86-64 (SSE2) and
/// produces byte-identical pictures, only slower (the kernels never rely on fused multiply-add
/// contraction, so both builds round the same way).
let cpu = ProcessInfo.processInfo.environment["RRD_RENDER_CPU"].flatMap { $0.isEmpty ? nil : $0 }
let cpuFlags: [SwiftSetting] = cpu.map { [.unsafeFlags(["-Xcc", "-march=\($0)"])] } ?? []
let pixelSettings: [SwiftSetting] = cpuFlags + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

func system(_ name: String, _ pkgConfig: String, _ apt: [String]) -> Target {
    .systemLibrary(name: name, path: "Sources/\(name)", pkgConfig: pkgConfig, providers: [.apt(apt)])
}

let package = Package(
    name: "rrd-render",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rrd-render", targets: ["RRDRenderCLI"]),
        .executable(name: "rrd-bench", targets: ["RRDBench"]),
        .library(name: "RecordingModel", targets: ["RecordingModel"]),
        .library(name: "RecordingSDK", targets: ["RecordingSDK"]),
        .library(name: "GoldenImage", targets: ["GoldenImage"]),
        .library(name: "RecordingGoldens", targets: ["RecordingGoldens"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        system("CLZ4", "liblz4", ["liblz4-dev"]),
        system("CPNG", "libpng", ["libpng-dev"]),
        system("CTurboJPEG", "libturbojpeg", ["libturbojpeg0-dev"]),
        system("CFFmpeg", "libavformat", ["libavcodec-dev", "libavformat-dev", "libavutil-dev", "libswscale-dev"]),
        system("CFreeType", "freetype2", ["libfreetype-dev"]),

        // Loading.
        .target(name: "ArrowIPC"),
        .target(name: "RRDFormat", dependencies: ["ArrowIPC", "CLZ4"]),
        .target(name: "RecordingModel", dependencies: ["RRDFormat", "ArrowIPC"]),
        .target(name: "RecordingSDK", dependencies: ["RecordingModel", "ArrowIPC", "CLZ4"]),

        // Drawing.
        .target(name: "CKernelIntrinsics"),
        .target(name: "Rasterizer", dependencies: ["CFreeType", "CKernelIntrinsics"],
                resources: [.copy("Fonts")], swiftSettings: pixelSettings),
        .target(name: "CPNGClassic", dependencies: ["CPNG"]),
        .target(name: "MediaCodecs", dependencies: ["CPNGClassic", "CTurboJPEG", "CFFmpeg"], swiftSettings: pixelSettings),
        .target(name: "GoldenImage", dependencies: ["MediaCodecs"], swiftSettings: pixelSettings),
        .target(name: "SceneBuilding", dependencies: ["RecordingModel", "Rasterizer", "MediaCodecs", "CKernelIntrinsics"],
                swiftSettings: pixelSettings),

        .target(name: "RecordingGoldens", dependencies: ["GoldenImage", "SceneBuilding", "RecordingModel"]),

        // Programs.
        .executableTarget(name: "RRDRenderCLI", dependencies: [
            "RecordingModel", "SceneBuilding", "MediaCodecs", "GoldenImage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "RRDBench", dependencies: [
            "RecordingModel", "RecordingSDK", "Rasterizer", "SceneBuilding", "MediaCodecs", "GoldenImage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: pixelSettings),

        // Tests (Swift Testing). Heavy pixel tests are meant for `swift test -c release`.
        .testTarget(name: "LoadingTests", dependencies: ["ArrowIPC", "RRDFormat", "RecordingModel", "RecordingSDK", "TestSupport"]),
        .testTarget(name: "RasterizerTests", dependencies: ["Rasterizer", "MediaCodecs", "TestSupport"], swiftSettings: pixelSettings),
        .target(name: "TestSupport", dependencies: ["MediaCodecs"], path: "Tests/TestSupport"),
        .testTarget(name: "MediaTests", dependencies: ["MediaCodecs", "GoldenImage", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["MediaCodecs", "TestSupport"]),
        .testTarget(name: "RecordingGoldensTests",
                    dependencies: ["RecordingGoldens", "GoldenImage", "MediaCodecs", "RecordingModel", "RecordingSDK"]),
        .testTarget(name: "SceneTests", dependencies: ["SceneBuilding", "RecordingModel", "Rasterizer", "MediaCodecs", "TestSupport"],
                    resources: [.copy("Data")]),
    ],
    swiftLanguageModes: [.v6]
)
