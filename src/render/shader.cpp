// shader.cpp — see shader.hpp.
#include "render/shader.hpp"

#include <cstring>
#include <vector>

namespace atlas::render {

namespace {

GLuint compile(GLenum type, const char* version, const char* src) {
  // ES needs a default float precision; desktop GLSL ignores the qualifier.
  std::string header = std::string(version) + "\n";
  if (std::strstr(version, " es")) header += "precision highp float;\n";
  const char* parts[] = {header.c_str(), src};
  GLuint s = glCreateShader(type);
  glShaderSource(s, 2, parts, nullptr);
  glCompileShader(s);
  return s;
}

// Why a shader did not compile, or "" when it did. Asked only after a failed link: each
// query waits for the GPU (in a browser, a round trip to its GPU process), so a good
// program costs one wait (the link status), not three.
std::string compile_error(GLuint s, const char* what) {
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (ok) return "";
  GLint n = 0;
  glGetShaderiv(s, GL_INFO_LOG_LENGTH, &n);
  std::vector<char> log(size_t(n > 1 ? n : 1));
  glGetShaderInfoLog(s, GLsizei(log.size()), nullptr, log.data());
  return std::string(what) + " shader: " + log.data();
}

}  // namespace

GLuint build_program(const char* glsl_version, const char* vertex_src, const char* fragment_src,
                     std::string& error) {
  GLuint vs = compile(GL_VERTEX_SHADER, glsl_version, vertex_src);
  GLuint fs = compile(GL_FRAGMENT_SHADER, glsl_version, fragment_src);
  GLuint p = glCreateProgram();
  glAttachShader(p, vs);
  glAttachShader(p, fs);
  glLinkProgram(p);
  GLint ok = 0;
  glGetProgramiv(p, GL_LINK_STATUS, &ok);
  if (!ok) {
    error = compile_error(vs, "vertex");
    if (error.empty()) error = compile_error(fs, "fragment");
    if (error.empty()) {
      GLint n = 0;
      glGetProgramiv(p, GL_INFO_LOG_LENGTH, &n);
      std::vector<char> log(size_t(n > 1 ? n : 1));
      glGetProgramInfoLog(p, GLsizei(log.size()), nullptr, log.data());
      error = std::string("link: ") + log.data();
    }
    glDeleteProgram(p);
    p = 0;
  }
  glDeleteShader(vs);
  glDeleteShader(fs);
  return p;
}

}  // namespace atlas::render
