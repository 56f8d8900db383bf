"""Packages the rostrum module that the project's CMake build made.

    cmake -S . -B build && cmake --build build --target rostrum_python
    pip install --break-system-packages --no-build-isolation ./python

The extension (rostrum/_core*.so) is taken from the build directory:
$ROSTRUM_BUILD, else build/ beside python/. Nothing is compiled here, and
nothing is downloaded: setuptools, numpy and pandas come from Debian.
"""

import glob
import os
import shutil

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get("ROSTRUM_BUILD") or os.path.join(os.path.dirname(HERE), "build")


def built_extension():
    found = sorted(glob.glob(os.path.join(BUILD, "python", "rostrum", "_core*.so")))
    if not found:
        raise SystemExit(
            f"rostrum: no built module in {BUILD}/python/rostrum: build it first "
            "(cmake -S . -B build && cmake --build build --target rostrum_python), "
            "or set ROSTRUM_BUILD to the build directory"
        )
    return found[-1]


class BuildWithExtension(build_py):
    def run(self):
        super().run()
        target = os.path.join(self.build_lib, "rostrum")
        os.makedirs(target, exist_ok=True)
        shutil.copy2(built_extension(), target)


class BinaryDistribution(Distribution):
    # The wheel holds a compiled module: tag it for this Python and platform.
    def has_ext_modules(self):
        return True


def version():
    with open(os.path.join(os.path.dirname(HERE), "CMakeLists.txt")) as f:
        for line in f:
            if line.startswith("project(rostrum VERSION"):
                return line.split("VERSION")[1].split()[0]
    return "0"


setup(
    name="rostrum",
    version=version(),
    description="UN voting alignment analyses (rostrum's engine) as pandas DataFrames",
    packages=["rostrum"],
    python_requires=">=3.9",
    install_requires=["numpy", "pandas"],
    cmdclass={"build_py": BuildWithExtension},
    distclass=BinaryDistribution,
    zip_safe=False,
)
