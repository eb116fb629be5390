# deb_prebuild.cmake - run by cpack (CPACK_PRE_BUILD_SCRIPTS) on the staged
# /usr tree before it becomes the .deb: what Debian asks of a package and a
# plain `cmake --install` does not need. Man pages are gzip-compressed
# (-n: no name or time stamp, so the package is reproducible), and the
# licence goes to /usr/share/doc/kg/copyright.
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
file(COPY ${CPACK_KG_LICENSE} DESTINATION ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/share/doc/kg)
file(RENAME ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/share/doc/kg/LICENSE
  ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/share/doc/kg/copyright)
