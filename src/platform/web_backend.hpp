// web_backend.hpp — what the web backend (platform_web.cpp) shares with the bridge behind
// window.atlas (web_api.cpp). Web only: both files are built by Emscripten alone.
#pragma once

#include "platform/frame_driver.hpp"

namespace atlas::platform::web {

// The running app, or null before run() has made it (a script may call early).
FrameDriver* driver();
// Something changed outside SDL's events (a script, a resize): draw again soon, resuming
// the frame loop if it paused itself.
void wake();

}  // namespace atlas::platform::web
