# Embeds shaders/*.glsl into the binary as string constants, regenerated
# whenever a shader file changes, so the app never reads shaders at run time.
function(medius_embed_shaders target)
  set(out_cpp ${CMAKE_BINARY_DIR}/generated/embedded_shaders.cpp)
  file(GLOB shader_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/shaders/*.glsl)
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} "-DFILES=${shader_files}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedShadersScript.cmake
    DEPENDS ${shader_files} ${PROJECT_SOURCE_DIR}/cmake/EmbedShadersScript.cmake
    COMMENT "Embedding shaders"
    VERBATIM)
  target_sources(${target} PRIVATE ${out_cpp})
endfunction()
