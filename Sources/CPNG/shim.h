// libpng's simplified png_image API only: the classic API needs setjmp, which Swift cannot call.
#include <png.h>

// Function-like and composite macros do not import into Swift.
static inline unsigned int rrd_png_image_version(void) { return PNG_IMAGE_VERSION; }
static inline unsigned int rrd_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline unsigned int rrd_png_image_flag_fast(void) { return PNG_IMAGE_FLAG_FAST; }
static inline int rrd_png_image_failed(png_imagep image) { return PNG_IMAGE_FAILED(*image); }
