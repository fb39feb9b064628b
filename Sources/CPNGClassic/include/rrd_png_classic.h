// libpng's classic API behind plain C functions: it reports errors with longjmp, which Swift
// cannot catch, so every libpng call stays on this side. Used for what the simplified
// png_image API cannot do: 16-bit files without gamma conversion, and compression control.
#ifndef RRD_PNG_CLASSIC_H
#define RRD_PNG_CLASSIC_H

#include <stddef.h>
#include <stdint.h>

typedef struct rrd_png_reader rrd_png_reader;

/// Reads the header of the PNG in `data` (which must outlive the reader). On success returns a
/// reader and sets the size; on failure returns NULL with a message in `message` (128 bytes).
rrd_png_reader *rrd_png_reader_open(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height,
                                    char *message);

/// Decodes every row as 8-bit RGBA into `pixels` (`width * 4` bytes per row, `height` rows).
/// Samples are kept as stored: 16-bit samples are rounded to 8 bits, no gamma conversion;
/// grey becomes RGB, palettes are expanded, tRNS becomes alpha, missing alpha is 255.
/// Returns 0 on success, -1 with a message otherwise.
int rrd_png_reader_read_rgba8(rrd_png_reader *reader, uint8_t *pixels, char *message);

void rrd_png_reader_close(rrd_png_reader *reader);

/// Encodes 8-bit RGBA rows (`width * 4` bytes each) as an RGBA PNG with zlib `level` (0...9) and
/// the PNG row `filters` (a PNG_FILTER_* mask; one bit means that filter on every row).
/// On success returns 0 and a malloc'ed buffer in `*out` (free it with `rrd_png_free`).
int rrd_png_encode_rgba8(const uint8_t *pixels, uint32_t width, uint32_t height, int level, int filters,
                         uint8_t **out, size_t *out_size, char *message);

void rrd_png_free(void *buffer);

#endif
