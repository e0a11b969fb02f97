"""The staged package (CMake target python_package) builds, offline, a
platform wheel with the library inside; installed, it needs no
AIDTEXT_LIBRARY."""
import os
import subprocess
import sys
import zipfile

import pytest


def _pip(*args, cwd):
    out = subprocess.run([sys.executable, "-m", "pip", *args, "--quiet", "--no-index", "--no-deps",
                          "--disable-pip-version-check"],
                         capture_output=True, text=True, timeout=240, cwd=cwd)
    assert out.returncode == 0, out.stdout + out.stderr


def test_staged_package_wheel_carries_the_library_and_installs(tmp_path):
    staged = os.environ.get("AIDTEXT_PYTHON_PACKAGE_DIR")
    if not staged or not os.path.isfile(os.path.join(staged, "aidtext", "libaidtext.so.0")):
        pytest.fail(f"the staged package is missing ({staged!r}): build the target python_package")

    _pip("wheel", "--no-build-isolation", "-w", str(tmp_path / "dist"), staged, cwd=tmp_path)
    wheels = list((tmp_path / "dist").glob("aidtext-*.whl"))
    assert len(wheels) == 1
    name = wheels[0].name
    assert "-py3-none-" in name and not name.endswith("-any.whl"), name
    with zipfile.ZipFile(wheels[0]) as z:
        assert "aidtext/libaidtext.so.0" in z.namelist()

    target = tmp_path / "site"
    _pip("install", "--target", str(target), str(wheels[0]), cwd=tmp_path)
    installed_lib = target / "aidtext" / "libaidtext.so.0"
    assert installed_lib.is_file()

    env = {k: v for k, v in os.environ.items() if k not in ("AIDTEXT_LIBRARY", "PYTHONPATH")}
    env["PYTHONPATH"] = str(target)
    code = ("import aidtext\n"
            "print(aidtext.library_path())\n"
            "print(aidtext.__version__, aidtext.library_version())\n"
            "print(len(aidtext.Engine().normalize('貧困人口').text))\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    path, versions, length = out.stdout.split("\n")[:3]
    assert os.path.samefile(path, installed_lib)
    assert versions.split()[0] == versions.split()[1]
    assert int(length) == 4
