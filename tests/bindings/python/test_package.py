"""The staged package (CMake target python_package) installs offline with the
library inside it, and then needs no AIDTEXT_LIBRARY."""
import os
import subprocess
import sys

import pytest


def test_staged_package_installs_and_carries_the_library(tmp_path):
    staged = os.environ.get("AIDTEXT_PYTHON_PACKAGE_DIR")
    if not staged or not os.path.isfile(os.path.join(staged, "aidtext", "libaidtext.so.0")):
        pytest.fail(f"the staged package is missing ({staged!r}): build the target python_package")
    target = tmp_path / "site"
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
         "--no-build-isolation", "--disable-pip-version-check", "--target", str(target), staged],
        capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert pip.returncode == 0, pip.stdout + pip.stderr
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


def test_staged_package_builds_a_platform_wheel_with_the_library(tmp_path):
    staged = os.environ.get("AIDTEXT_PYTHON_PACKAGE_DIR")
    if not staged or not os.path.isdir(staged):
        pytest.fail(f"the staged package is missing ({staged!r}): build the target python_package")
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-index", "--no-deps",
         "--no-build-isolation", "--disable-pip-version-check", "-w", str(tmp_path), staged],
        capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    wheels = list(tmp_path.glob("aidtext-*.whl"))
    assert len(wheels) == 1
    name = wheels[0].name
    assert "-py3-none-" in name and not name.endswith("-any.whl"), name
    import zipfile
    with zipfile.ZipFile(wheels[0]) as z:
        assert "aidtext/libaidtext.so.0" in z.namelist()
