"""The wheel must ship every package: pyproject.toml lists them by hand (corpora/ is mapped
in as framing.data), so a new subpackage that is not listed works in a checkout and breaks
on `pip install .`."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_python_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("framing", "api")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_corpora_ship_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert config["package-dir"]["framing.data"] == "corpora"
    shipped = set(config["package-data"]["framing.data"])
    suffixes = {path.suffix for path in (ROOT / "corpora").iterdir() if path.is_file()}
    assert {f"*{suffix}" for suffix in suffixes} <= shipped
