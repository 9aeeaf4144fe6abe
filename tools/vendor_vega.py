"""Vendor Vega, Vega-Lite, vega-interpreter and vega-embed into the page's static files.

The chat page loads no CDN: these pinned builds are committed under
``datavis/web/static/vendor/<package>-<version>/`` with their licences, and listed (in load
order, with sha256) in ``vendor/MANIFEST.json``, which the page's template reads. This
script reproduces them from the npm registry:

    python tools/vendor_vega.py          # fetch with `npm pack`, check the pinned integrity
    python tools/vendor_vega.py --check  # verify the committed files against the manifest

To upgrade, change a version and its integrity below (``npm view <pkg>@<version>
dist.integrity``), run it, and commit what changed.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "datavis" / "web" / "static" / "vendor"
# (package, version, npm integrity, the browser build to serve), in the order the page loads them.
PACKAGES = [
    ("vega", "5.33.1",
     "sha512-1fArfVDUqVbb5z8n+/nVQb+VNBzx8svY6CrsyTK4Ujm4yrd9I1auoKxBAPXLCavY1LcrbHUskQbGUP8gXOzyQw==",
     "build/vega.min.js"),
    ("vega-lite", "5.23.0",
     "sha512-l4J6+AWE3DIjvovEoHl2LdtCUkfm4zs8Xxx7INwZEAv+XVb6kR6vIN1gt3t2gN2gs/y4DYTs/RPoTeYAuEg6mA==",
     "build/vega-lite.min.js"),
    ("vega-interpreter", "1.2.1",
     "sha512-EMHLGxJ+SWfh1K/fHDRlHEZtLA/2ZNAXItYb5e8CxuAIm/Ha/3DHX/8VlvbTGIciUpuwmcKx4tVhJWlKreQ/Yw==",
     "build/vega-interpreter.min.js"),
    ("vega-embed", "6.29.0",
     "sha512-PmlshTLtLFLgWtF/b23T1OwX53AugJ9RZ3qPE2c01VFAbgt3/GSNI/etzA/GzdrkceXFma+FDHNXUppKuM0U6Q==",
     "build/vega-embed.min.js"),
]
# vega and vega-interpreter publish no LICENSE file in their npm packages; their licence
# (BSD-3-Clause, per package.json) is the vega repository's LICENSE, committed next to them.
LICENSE_FROM_REPOSITORY = {"vega", "vega-interpreter"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(package: str, version: str, integrity: str, build: str, manifest: dict) -> None:
    folder = VENDOR / f"{package}-{version}"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{package}@{version}", "--silent"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        [tarball] = Path(tmp).glob("*.tgz")
        digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if digest != integrity:
            raise SystemExit(f"{package}@{version}: integrity {digest} is not the pinned {integrity}")
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp, filter="data")
        unpacked = Path(tmp) / "package"
        licence = unpacked / "LICENSE"
        kept_licence = folder / "LICENSE"
        if not licence.exists() and not (package in LICENSE_FROM_REPOSITORY and kept_licence.exists()):
            raise SystemExit(f"{package}@{version}: no LICENSE in the package and none kept")
        folder.mkdir(parents=True, exist_ok=True)
        if licence.exists():
            shutil.copyfile(licence, kept_licence)
        script = folder / Path(build).name
        shutil.copyfile(unpacked / build, script)
    manifest["packages"].append({
        "name": package, "version": version, "integrity": integrity,
        "script": script.relative_to(VENDOR).as_posix(),
        "sha256": {p.relative_to(VENDOR).as_posix(): sha256(p) for p in (script, kept_licence)},
    })


def check() -> list[str]:
    """Problems with the committed vendor files (empty when they match the manifest)."""
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text())
    problems = []
    pinned = [(p, v, i) for p, v, i, _ in PACKAGES]
    listed = [(p["name"], p["version"], p["integrity"]) for p in manifest["packages"]]
    if listed != pinned:
        problems.append(f"the manifest lists {listed}, the script pins {pinned}")
    for package in manifest["packages"]:
        for name, digest in package["sha256"].items():
            path = VENDOR / name
            if not path.exists() or sha256(path) != digest:
                problems.append(f"{name} is missing or differs from the manifest")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only verify the committed files")
    if parser.parse_args().check:
        problems = check()
        print("\n".join(problems) or "vendored files match the manifest")
        sys.exit(1 if problems else 0)
    manifest: dict = {"packages": []}
    for package, version, integrity, build in PACKAGES:
        fetch(package, version, integrity, build, manifest)
    (VENDOR / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"vendored {', '.join(f'{p}@{v}' for p, v, _, _ in PACKAGES)} into {VENDOR}")


if __name__ == "__main__":
    main()
