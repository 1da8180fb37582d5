#pragma once
// The one place that includes the glad-generated OpenGL 3.3 core loader.
#include <glad/gl.h>
