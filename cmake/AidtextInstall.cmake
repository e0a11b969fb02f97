# install() rules, the CMake package config and the pkg-config file.
#
# Installed:
#   lib/libaidtext.so.0.1.0 (SONAME libaidtext.so.0) + libaidtext.so, lib/libaidtext.a
#   include/aidtext/aidtext.h, aidtext.hpp
#   bin/aidtext (the command line tool, RPATH $ORIGIN/../lib)
#   lib/cmake/aidtext/: find_package(aidtext) gives aidtext::aidtext (shared)
#       and aidtext::aidtext_static (static; carries ICU, RE2 and threads)
#   lib/pkgconfig/aidtext.pc: `pkg-config --libs aidtext` (shared) and
#       `pkg-config --static --libs aidtext` (static: Requires.private / Libs.private)
# Everything is relocatable: cmake --install build --prefix ANYWHERE works.
include(CMakePackageConfigHelpers)

set(AIDTEXT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/aidtext)

install(TARGETS aidtext aidtext_static EXPORT aidtextTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/aidtext/aidtext.h ${PROJECT_SOURCE_DIR}/include/aidtext/aidtext.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/aidtext)
if(TARGET aidtext_cli)
  install(TARGETS aidtext_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT aidtextTargets NAMESPACE aidtext:: DESTINATION ${AIDTEXT_CMAKE_DIR})

# The package config: the static library's link dependencies are imported
# targets (ICU::*, PkgConfig::RE2, Threads::Threads) found again here.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/aidtextConfig.cmake.in [=[
# aidtext CMake package: aidtext::aidtext (shared), aidtext::aidtext_static.
@PACKAGE_INIT@
include(CMakeFindDependencyMacro)
find_dependency(Threads)
find_dependency(ICU 72 COMPONENTS uc i18n data)
find_dependency(PkgConfig)
if(NOT TARGET PkgConfig::RE2)
  pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
  if(NOT TARGET PkgConfig::RE2)
    set(aidtext_FOUND FALSE)
    set(aidtext_NOT_FOUND_MESSAGE "aidtext needs RE2 (pkg-config module re2)")
    return()
  endif()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/aidtextTargets.cmake)
check_required_components(aidtext)
]=])
configure_package_config_file(${CMAKE_CURRENT_BINARY_DIR}/aidtextConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/aidtextConfig.cmake INSTALL_DESTINATION ${AIDTEXT_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/aidtextConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/aidtextConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/aidtextConfigVersion.cmake
  DESTINATION ${AIDTEXT_CMAKE_DIR})

# pkg-config: prefix relative to the .pc file, so the install is relocatable.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(AIDTEXT_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(AIDTEXT_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH rel "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
  string(REGEX REPLACE "/$" "" rel "${rel}")
  set(AIDTEXT_PC_PREFIX "\${pcfiledir}/${rel}")
  set(AIDTEXT_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(AIDTEXT_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(AIDTEXT_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/aidtext.pc @ONLY CONTENT [=[
prefix=@AIDTEXT_PC_PREFIX@
libdir=@AIDTEXT_PC_LIBDIR@
includedir=@AIDTEXT_PC_INCLUDEDIR@

Name: aidtext
Description: Chinese news text to clean UTF-8, quantities and poverty-alleviation metrics (C ABI)
Version: @PROJECT_VERSION@
Requires.private: icu-uc icu-i18n re2
Libs: -L${libdir} -laidtext
Libs.private: -lstdc++ -lm -pthread
Cflags: -I${includedir}
]=])
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/aidtext.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
