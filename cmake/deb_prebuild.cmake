# deb_prebuild.cmake - run by cpack (CPACK_PRE_BUILD_SCRIPTS) on the staged
# trees before they become .debs: what Debian asks of a package and a plain
# `cmake --install` does not need. Man pages are gzip-compressed (-n: no
# name or time stamp, so the package is reproducible), and each package
# (one staged folder per component: tool, runtime, dev) gets the licence as
# /usr/share/doc/PACKAGE/copyright.
if(NOT CPACK_TEMPORARY_INSTALL_DIRECTORY)
  message(FATAL_ERROR "deb_prebuild.cmake runs from cpack only")
endif()
file(GLOB_RECURSE pages ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.1)
list(FILTER pages INCLUDE REGEX "/share/man/man1/[^/]+\\.1$")
foreach(page ${pages})
  execute_process(COMMAND gzip -9nf ${page} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip ${page} failed: ${rc}")
  endif()
endforeach()
foreach(component tool runtime dev)
  string(TOUPPER ${component} upper)
  set(package ${CPACK_DEBIAN_${upper}_PACKAGE_NAME})
  set(staged ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/${component})
  if(NOT IS_DIRECTORY ${staged})
    message(FATAL_ERROR "no staged folder ${staged} for package ${package}")
  endif()
  file(MAKE_DIRECTORY ${staged}/usr/share/doc/${package})
  configure_file(${CPACK_KG_LICENSE} ${staged}/usr/share/doc/${package}/copyright COPYONLY)
endforeach()
