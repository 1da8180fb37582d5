# Generates the OpenGL 3.3 core loader with Debian's python3-glad at build
# time. The output lives in the build tree and is never committed.
find_program(GLAD_EXECUTABLE glad PATHS /usr/bin NO_DEFAULT_PATH)
find_program(GLAD_EXECUTABLE glad)
if(NOT GLAD_EXECUTABLE)
  message(FATAL_ERROR "glad not found: run scripts/setup.sh (Debian package python3-glad)")
endif()

set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h
  COMMAND ${GLAD_EXECUTABLE} --reproducible --api gl:core=3.3 --extensions GL_KHR_debug
          --out-path ${GLAD_OUT} c
  COMMENT "Generating the OpenGL 3.3 core loader with glad"
  VERBATIM)
add_library(medius_glad STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(medius_glad SYSTEM PUBLIC ${GLAD_OUT}/include)
set_target_properties(medius_glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
