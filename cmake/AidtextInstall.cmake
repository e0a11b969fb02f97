# install() rules, the CMake package config and the pkg-config file.
