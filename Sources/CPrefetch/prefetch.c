// The target's one function is inline, in include/prefetch.h; SwiftPM wants a source file.
#include "prefetch.h"
