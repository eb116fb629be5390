# install.cmake - what `cmake --install` puts where (docs/install.md), and
# the Debian package `cpack -G DEB` makes of it. Included by CMakeLists.txt
# once the targets exist.
include(CMakePackageConfigHelpers)

# --- the libraries, headers, pkg-config file, CMake package --------------
# Every file belongs to one of three components, which become the Debian
# packages kg (tool), libkg0 (runtime library) and libkg-dev (building
# against it); a plain `cmake --install` installs all three.
install(TARGETS kg_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
install(TARGETS kg_shared EXPORT kgTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev)
install(TARGETS kg EXPORT kgStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(DIRECTORY include/kg DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)

# kg.pc names its prefix relative to its own folder (${pcfiledir}), so it is
# right for `cmake --install --prefix ANY` as for the .deb.
set(KG_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(KG_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(KG_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(KG_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH pc_up "/root/${KG_PC_DIR}" "/root")  # "../.."
  string(REGEX REPLACE "/$" "" pc_up "${pc_up}")
  set(KG_PC_PREFIX "\${pcfiledir}/${pc_up}")
  set(KG_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(KG_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(kg.pc.in kg.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/kg.pc DESTINATION ${KG_PC_DIR} COMPONENT dev)

set(KG_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kg)
install(EXPORT kgTargets NAMESPACE kg:: DESTINATION ${KG_CMAKE_DIR} COMPONENT dev)
install(EXPORT kgStaticTargets NAMESPACE kg:: DESTINATION ${KG_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(cmake/kgConfig.cmake.in
  ${CMAKE_BINARY_DIR}/kgConfig.cmake INSTALL_DESTINATION ${KG_CMAKE_DIR})
# One SONAME (libkg.so.0) per major version, so the same major is compatible.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/kgConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/kgConfig.cmake ${CMAKE_BINARY_DIR}/kgConfigVersion.cmake
  DESTINATION ${KG_CMAKE_DIR} COMPONENT dev)

# --- man pages and shell completion, generated from `kg --help` ----------
# scripts/cli_docs.sh runs the built kg: `kg --help` lists the commands
# (the command table) and `kg help COMMAND` prints each usage string, so the
# pages and completions say what --help says.
set(KG_DOCS_STAMP ${CMAKE_BINARY_DIR}/man/kg.1)
add_custom_command(OUTPUT ${KG_DOCS_STAMP}
  COMMAND sh ${CMAKE_SOURCE_DIR}/scripts/cli_docs.sh $<TARGET_FILE:kg_cli> ${CMAKE_BINARY_DIR}
  DEPENDS kg_cli ${CMAKE_SOURCE_DIR}/scripts/cli_docs.sh
  COMMENT "Writing man pages and shell completion from kg --help"
  VERBATIM)
add_custom_target(kg_cli_docs ALL DEPENDS ${KG_DOCS_STAMP})
set(KG_BASH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  CACHE STRING "where the bash completion of kg goes (relative: under the prefix)")
set(KG_ZSH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
  CACHE STRING "where the zsh completion of kg goes (relative: under the prefix)")
install(DIRECTORY ${CMAKE_BINARY_DIR}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
  COMPONENT tool FILES_MATCHING PATTERN "*.1")
install(FILES ${CMAKE_BINARY_DIR}/completion/kg.bash DESTINATION ${KG_BASH_COMPLETION_DIR}
  RENAME kg COMPONENT tool)
install(FILES ${CMAKE_BINARY_DIR}/completion/_kg DESTINATION ${KG_ZSH_COMPLETION_DIR}
  COMPONENT tool)

# --- the Debian packages: cpack -G DEB -----------------------------------
# Three packages as Debian splits a library: kg (the tool, which links
# libkg statically; man pages, completion), libkg0 (libkg.so.0, declared in
# a shlibs file) and libkg-dev (headers, libkg.so, libkg.a, kg.pc, CMake
# files; it depends on libkg0 of the same version and on the -dev packages
# kg.pc requires). Depends of kg and libkg0 are computed by dpkg-shlibdeps
# (package dpkg-dev) from what their binaries link.
set(CPACK_PACKAGE_NAME kg)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's Description: the first line of its CPACK_DEBIAN_*_DESCRIPTION is
# the synopsis (no CPACK_PACKAGE_DESCRIPTION_SUMMARY, which cpack would put
# in front of all three).
set(CPACK_PACKAGE_DESCRIPTION
  "kg checks data sets of entities, relations and evidence against a schema and exports the graph as DOT, GraphML, GEXF, JSON, RDF, Cypher, SVG and an HTML viewer; libkg is the C library behind it.")
set(CPACK_PACKAGE_CONTACT "kg maintainers <maintainers@kg.example>")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tool runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_TOOL_PACKAGE_NAME kg)
set(CPACK_DEBIAN_TOOL_DESCRIPTION
  "knowledge-graph builder and graph exporter\n ${CPACK_PACKAGE_DESCRIPTION}")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libkg0)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
  "knowledge-graph library (shared library)\n libkg reads, checks, analyses and exports knowledge graphs of entities, relations and evidence.")
# A shlibs file for every package with a shared library: only libkg0 has one.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
# Programs built against 0.1.0 run with any later 0.x (same SONAME).
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libkg-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_DEV_DESCRIPTION
  "knowledge-graph library (development files)\n Headers, static library, pkg-config and CMake files of libkg.")
# kg.pc's Requires.private and the CMake package name these; pkg-config
# --cflags fails without them.
list(JOIN KG_DEV_PACKAGES ", " kg_dev_depends)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libkg0 (= ${PROJECT_VERSION}), pkg-config, ${kg_dev_depends}")

# Debian's conventions on top of the install: gzipped man pages, a
# copyright file in each package's doc folder.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_SOURCE_DIR}/cmake/deb_prebuild.cmake)
set(CPACK_KG_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
include(CPack)
