// gl.hpp — the OpenGL API for this target: OpenGL ES 3.0 (WebGL 2) on the web, OpenGL
// 3.3 core on the desktop. The drawing code uses only what both have; this is the one
// place that knows which header declares it.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#include <SDL_opengl_glext.h>
#endif
