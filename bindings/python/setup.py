"""Only for the wheel's tag (metadata is in pyproject.toml): a package that
carries libaidtext.so.0 (staged by the CMake target python_package) is a
platform wheel (py3-none-linux_x86_64), not a pure py3-none-any one."""
import os

from setuptools import setup
from setuptools.dist import Distribution

CARRIES_LIBRARY = os.path.exists(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "aidtext", "libaidtext.so.0"))


class LibraryDistribution(Distribution):
    def has_ext_modules(self):
        # Binary content makes the wheel non-pure (installed to platlib).
        return CARRIES_LIBRARY


commands = {}
try:
    from wheel.bdist_wheel import bdist_wheel

    class PlatformWheel(bdist_wheel):
        def get_tag(self):
            python, abi, platform = super().get_tag()
            # ctypes only: any Python 3, no CPython ABI, but this machine's platform.
            return ("py3", "none", platform) if CARRIES_LIBRARY else (python, abi, platform)

    commands["bdist_wheel"] = PlatformWheel
except ImportError:  # no wheel package: installs still work, wheels are not built
    pass

setup(distclass=LibraryDistribution, cmdclass=commands)
