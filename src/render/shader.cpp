// shader.cpp — see shader.hpp.
#include "render/shader.hpp"

#include <cstring>
#include <vector>

namespace atlas::render {

namespace {

GLuint compile(GLenum type, const char* version, const char* src, std::string& error) {
  // ES needs a default float precision; desktop GLSL ignores the qualifier.
  std::string header = std::string(version) + "\n";
  if (std::strstr(version, " es")) header += "precision highp float;\n";
  const char* parts[] = {header.c_str(), src};
  GLuint s = glCreateShader(type);
  glShaderSource(s, 2, parts, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint n = 0;
    glGetShaderiv(s, GL_INFO_LOG_LENGTH, &n);
    std::vector<char> log(size_t(n > 1 ? n : 1));
    glGetShaderInfoLog(s, GLsizei(log.size()), nullptr, log.data());
    error =
        std::string(type == GL_VERTEX_SHADER ? "vertex" : "fragment") + " shader: " + log.data();
    glDeleteShader(s);
    return 0;
  }
  return s;
}

}  // namespace

GLuint build_program(const char* glsl_version, const char* vertex_src, const char* fragment_src,
                     std::string& error) {
  GLuint vs = compile(GL_VERTEX_SHADER, glsl_version, vertex_src, error);
  if (!vs) return 0;
  GLuint fs = compile(GL_FRAGMENT_SHADER, glsl_version, fragment_src, error);
  if (!fs) {
    glDeleteShader(vs);
    return 0;
  }
  GLuint p = glCreateProgram();
  glAttachShader(p, vs);
  glAttachShader(p, fs);
  glLinkProgram(p);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(p, GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint n = 0;
    glGetProgramiv(p, GL_INFO_LOG_LENGTH, &n);
    std::vector<char> log(size_t(n > 1 ? n : 1));
    glGetProgramInfoLog(p, GLsizei(log.size()), nullptr, log.data());
    error = std::string("link: ") + log.data();
    glDeleteProgram(p);
    return 0;
  }
  return p;
}

}  // namespace atlas::render
