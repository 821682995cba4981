"""Front-end libraries served from the installed Python wheels, never from a CDN.

vis-network ships inside the `pyvis` wheel and plotly.js inside the `plotly` wheel; the server
looks them up in the installed packages when it starts, so the UI works offline and its
versions follow the Python dependencies. Our own CSS and JS live in serve/static/.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import NewsgraphError


class AssetMissing(NewsgraphError):
    code = "asset_missing"


@dataclass(frozen=True)
class VendorAsset:
    package: str
    candidates: tuple[str, ...]  # paths inside the package, newest first
    media_type: str


# URL name under /static/vendor/ -> where the wheel keeps the file.
VENDOR: dict[str, VendorAsset] = {
    "vis-network.min.js": VendorAsset(
        "pyvis", ("lib/vis-9.1.2/vis-network.min.js", "templates/lib/vis-9.1.2/vis-network.min.js",
                  "lib/vis-9.0.4/vis-network.min.js"), "text/javascript"),
    "vis-network.css": VendorAsset(
        "pyvis", ("lib/vis-9.1.2/vis-network.css", "templates/lib/vis-9.1.2/vis-network.css",
                  "lib/vis-9.0.4/vis-network.css"), "text/css"),
    "plotly.min.js": VendorAsset("plotly", ("package_data/plotly.min.js",), "text/javascript"),
}

STATIC_DIR = Path(__file__).with_name("static")
TEMPLATE_DIR = Path(__file__).with_name("templates")


def vendor_path(name: str) -> Path:
    """The file inside the installed wheel for a vendor asset name (KeyError if unknown)."""
    asset = VENDOR[name]
    try:
        root = resources.files(asset.package)
    except ModuleNotFoundError as exc:
        raise AssetMissing(f"package {asset.package!r} is not installed",
                           hint=f"pip install {asset.package}") from exc
    for candidate in asset.candidates:
        path = Path(str(root.joinpath(candidate)))
        if path.is_file():
            return path
    raise AssetMissing(f"{name} not found inside the installed {asset.package!r} package",
                       hint=f"reinstall it: pip install --force-reinstall {asset.package}")


def resolve_vendor_assets() -> dict[str, Path]:
    """Every vendor asset resolved once at start-up, so a broken install fails early."""
    return {name: vendor_path(name) for name in VENDOR}
