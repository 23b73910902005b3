// shader.hpp — GLSL programs from the sources in shaders/, with the version line this
// target's GL wants ("#version 300 es" + precision on the web, "#version 330 core" on the
// desktop) added at load, so one source serves both.
#pragma once

#include <string>

#include "render/gl.hpp"

namespace atlas::render {

// Compiles and links; returns 0 and fills `error` on failure.
GLuint build_program(const char* glsl_version, const char* vertex_src, const char* fragment_src,
                     std::string& error);

}  // namespace atlas::render
