// libpng for the C target CPNGClassic, which wraps the classic API (it needs setjmp, which
// Swift cannot call). Swift code goes through CPNGClassic, never through libpng directly.
#include <png.h>
