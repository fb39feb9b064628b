#!/usr/bin/env python3
"""Writes the small asset inputs of the SceneTests suite into Tests/SceneTests/Data/.

Standard library only (struct, json, zlib, base64): no network, no third-party packages.
The OBJ and STL of Fixtures/scripts/mesh_asset.py are reproduced byte for byte, so the tests
decode exactly what Fixtures/rrd/mesh_asset.rrd carries. Run from anywhere:
    python3 scripts/make_scene_test_assets.py
"""

import base64
import json
import pathlib
import struct
import zlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "SceneTests" / "Data"


def png_rgba(width, height, pixels):
    """A minimal RGBA8 PNG (filter 0 on every row). pixels: list of (r, g, b, a) rows top to bottom."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def pad4(data, fill=b"\x00"):
    return data + fill * ((4 - len(data) % 4) % 4)


def glb(document, binary):
    json_bytes = pad4(json.dumps(document, separators=(",", ":")).encode(), b" ")
    binary = pad4(binary)
    total = 12 + 8 + len(json_bytes) + 8 + len(binary)
    return (
        struct.pack("<4sII", b"glTF", 2, total)
        + struct.pack("<II", len(json_bytes), 0x4E4F534A)
        + json_bytes
        + struct.pack("<II", len(binary), 0x004E4942)
        + binary
    )


def mesh_asset_fixture_files():
    """The exact OBJ text and STL bytes of Fixtures/scripts/mesh_asset.py."""
    obj_text = "\n".join(
        ["# unit square made of two triangles", "v 0 0 0", "v 1 0 0", "v 1 1 0", "v 0 1 0", "f 1 2 3", "f 1 3 4", ""]
    )
    stl = bytearray(b"fixture stl".ljust(80, b" "))
    stl += struct.pack("<I", 1)
    stl += struct.pack("<12fH", 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0)
    return obj_text.encode(), bytes(stl)


TRICKY_OBJ = """# every face-index form, negative indices, a polygon, groups and vertex colours
mtllib missing.mtl
o first
v 0 0 0 1 0 0
v 1 0 0 0 1 0
v 1 1 0 0 0 1
v 0 1 0 0.5 0.5 0.5
vt 0 0
vt 1 0
vt 1 1
vt 0 1
vn 0 0 1
usemtl red
s off
f 1/1/1 2/2/1 3/3/1 4/4/1
g second
v 0 0 1
v 1 0 1
v 0 1 1
f -3//-1 -2//-1 -1//-1
f 5/1 6/2 7/3
f 5 6 99
l 1 2
"""

ASCII_STL = """solid two
  facet normal 0 0 1
    outer loop
      vertex 0 0 0
      vertex 1 0 0
      vertex 0 1 0
    endloop
  endfacet
  facet normal 0 0 -1
    outer loop
      vertex 0 0 0
      vertex 0 1 0
      vertex 1 0 0
    endloop
  endfacet
endsolid two
"""


def textured_quad_glb():
    """A unit quad (two triangles, u16 indices) with normals, uvs, u8-normalised vertex colours, a 2x2 PNG base-colour
    texture and base-colour factor, under a node tree: root translates by (10, 0, 0), its child rotates 90 degrees
    about +z and scales by 2."""
    positions = [(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0)]
    normals = [(0, 0, 1)] * 4
    uvs = [(0, 1), (1, 1), (1, 0), (0, 0)]
    colors = [(255, 0, 0, 255), (0, 255, 0, 255), (0, 0, 255, 255), (255, 255, 255, 128)]
    indices = [0, 1, 2, 0, 2, 3]
    png = png_rgba(2, 2, [[(255, 0, 0, 255), (0, 255, 0, 255)], [(0, 0, 255, 255), (255, 255, 255, 255)]])

    parts = []

    def add(data):
        offset = sum(len(p) for p in parts)
        parts.append(pad4(data))
        return offset, len(data)

    pos_off, pos_len = add(b"".join(struct.pack("<3f", *p) for p in positions))
    nrm_off, nrm_len = add(b"".join(struct.pack("<3f", *n) for n in normals))
    uv_off, uv_len = add(b"".join(struct.pack("<2f", *t) for t in uvs))
    col_off, col_len = add(b"".join(struct.pack("<4B", *c) for c in colors))
    idx_off, idx_len = add(b"".join(struct.pack("<H", i) for i in indices))
    png_off, png_len = add(png)
    binary = b"".join(parts)

    s = 0.7071067811865476
    document = {
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [
            {"name": "root", "translation": [10, 0, 0], "children": [1]},
            {"name": "quad", "rotation": [0, 0, s, s], "scale": [2, 2, 2], "mesh": 0},
        ],
        "meshes": [
            {
                "name": "quad",
                "primitives": [
                    {
                        "attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2, "COLOR_0": 3},
                        "indices": 4,
                        "material": 0,
                    }
                ],
            }
        ],
        "materials": [
            {"pbrMetallicRoughness": {"baseColorFactor": [0.5, 0.25, 1.0, 1.0], "baseColorTexture": {"index": 0}}}
        ],
        "textures": [{"source": 0}],
        "images": [{"bufferView": 5, "mimeType": "image/png"}],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": pos_off, "byteLength": pos_len},
            {"buffer": 0, "byteOffset": nrm_off, "byteLength": nrm_len},
            {"buffer": 0, "byteOffset": uv_off, "byteLength": uv_len},
            {"buffer": 0, "byteOffset": col_off, "byteLength": col_len},
            {"buffer": 0, "byteOffset": idx_off, "byteLength": idx_len},
            {"buffer": 0, "byteOffset": png_off, "byteLength": png_len},
        ],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3", "min": [0, 0, 0], "max": [1, 1, 0]},
            {"bufferView": 1, "componentType": 5126, "count": 4, "type": "VEC3"},
            {"bufferView": 2, "componentType": 5126, "count": 4, "type": "VEC2"},
            {"bufferView": 3, "componentType": 5121, "normalized": True, "count": 4, "type": "VEC4"},
            {"bufferView": 4, "componentType": 5123, "count": 6, "type": "SCALAR"},
        ],
    }
    return glb(document, binary)


def strip_fan_gltf():
    """A .gltf with one base64 data: buffer holding an interleaved (stride 16) position + i16-normalised uv view,
    a triangle strip (mode 5, u8 indices), a triangle fan (mode 6, no indices), a lines primitive (mode 1), and a
    sparse accessor that moves vertex 2 of the strip's positions to (5, 5, 5). Two scenes; the second scene's node
    uses a column-major matrix translating by (0, 0, 3)."""
    vertices = [(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, 0), (0, 2, 0)]
    uvs = [(0, 0), (32767, 0), (0, 32767), (32767, 32767), (-32768, 16384)]
    interleaved = b"".join(struct.pack("<3f2h", *p, *t) for p, t in zip(vertices, uvs))
    strip_indices = pad4(bytes([0, 1, 2, 3, 4]))
    sparse_indices = pad4(struct.pack("<H", 2))
    sparse_values = struct.pack("<3f", 5, 5, 5)
    binary = interleaved + strip_indices + sparse_indices + sparse_values
    o1 = len(interleaved)
    o2 = o1 + len(strip_indices)
    o3 = o2 + len(sparse_indices)
    uri = "data:application/octet-stream;base64," + base64.b64encode(binary).decode()
    document = {
        "asset": {"version": "2.0"},
        "scenes": [{"nodes": [0]}, {"nodes": [1]}],
        "nodes": [
            {"mesh": 0},
            {"mesh": 1, "matrix": [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 3, 1]},
        ],
        "meshes": [
            {
                "name": "strip",
                "primitives": [
                    {"attributes": {"POSITION": 3, "TEXCOORD_0": 1}, "indices": 2, "mode": 5},
                    {"attributes": {"POSITION": 0}, "mode": 1},
                ],
            },
            {"name": "fan", "primitives": [{"attributes": {"POSITION": 0}, "mode": 6}]},
        ],
        "buffers": [{"byteLength": len(binary), "uri": uri}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(interleaved), "byteStride": 16},
            {"buffer": 0, "byteOffset": o1, "byteLength": 5},
            {"buffer": 0, "byteOffset": o2, "byteLength": 2},
            {"buffer": 0, "byteOffset": o3, "byteLength": 12},
        ],
        "accessors": [
            {"bufferView": 0, "byteOffset": 0, "componentType": 5126, "count": 5, "type": "VEC3"},
            {"bufferView": 0, "byteOffset": 12, "componentType": 5122, "normalized": True, "count": 5, "type": "VEC2"},
            {"bufferView": 1, "componentType": 5121, "count": 5, "type": "SCALAR"},
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": 5,
                "type": "VEC3",
                "sparse": {
                    "count": 1,
                    "indices": {"bufferView": 2, "componentType": 5123},
                    "values": {"bufferView": 3},
                },
            },
        ],
    }
    return json.dumps(document, indent=1).encode()


def images_fixture_gray_f32():
    """The F32 gray buffer of Fixtures/scripts/images.py (numpy's default_rng(7), first draw), or None without numpy."""
    try:
        import numpy as np
    except ImportError:
        return None
    rng = np.random.default_rng(7)
    return rng.random((16, 24), dtype=np.float32).tobytes()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    obj, stl = mesh_asset_fixture_files()
    files = {
        "fixture_square.obj": obj,
        "fixture_triangle.stl": stl,
        "tricky.obj": TRICKY_OBJ.encode(),
        "two_facets_ascii.stl": ASCII_STL.encode(),
        "textured_quad.glb": textured_quad_glb(),
        "strip_fan.gltf": strip_fan_gltf(),
    }
    gray = images_fixture_gray_f32()
    if gray is not None:
        files["images_gray_f32.bin"] = gray
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
