#include "rrd_png_classic.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

struct rrd_png_reader {
    png_structp png;
    png_infop info;
    const uint8_t *data;
    size_t size;
    size_t offset;
    char message[128];
};

static void copy_message(char *dst, const char *src) {
    strncpy(dst, src, 127);
    dst[127] = 0;
}

static void on_error(png_structp png, png_const_charp text) {
    struct rrd_png_reader *reader = png_get_error_ptr(png);
    copy_message(reader->message, text);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text; // Benign (e.g. an unknown ancillary chunk): decoding goes on.
}

static void on_read(png_structp png, png_bytep out, size_t count) {
    struct rrd_png_reader *reader = png_get_io_ptr(png);
    if (count > reader->size - reader->offset) {
        png_error(png, "unexpected end of data");
    }
    memcpy(out, reader->data + reader->offset, count);
    reader->offset += count;
}

rrd_png_reader *rrd_png_reader_open(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height,
                                    char *message) {
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        copy_message(message, "not a PNG signature");
        return NULL;
    }
    struct rrd_png_reader *reader = calloc(1, sizeof *reader);
    if (!reader) {
        copy_message(message, "out of memory");
        return NULL;
    }
    reader->data = data;
    reader->size = size;
    reader->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, reader, on_error, on_warning);
    reader->info = reader->png ? png_create_info_struct(reader->png) : NULL;
    if (!reader->info) {
        copy_message(message, "out of memory");
        rrd_png_reader_close(reader);
        return NULL;
    }
    if (setjmp(png_jmpbuf(reader->png))) {
        copy_message(message, reader->message);
        rrd_png_reader_close(reader);
        return NULL;
    }
    png_set_read_fn(reader->png, reader, on_read);
    png_read_info(reader->png, reader->info);
    *width = png_get_image_width(reader->png, reader->info);
    *height = png_get_image_height(reader->png, reader->info);
    return reader;
}

int rrd_png_reader_read_rgba8(rrd_png_reader *reader, uint8_t *pixels, char *message) {
    png_structp png = reader->png;
    png_infop info = reader->info;
    uint32_t height = png_get_image_height(png, info);
    size_t row_bytes = (size_t)png_get_image_width(png, info) * 4;
    if (setjmp(png_jmpbuf(png))) {
        copy_message(message, reader->message);
        return -1;
    }
    int color = png_get_color_type(png, info);
    if (png_get_bit_depth(png, info) == 16) png_set_scale_16(png);
    if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (color == PNG_COLOR_TYPE_GRAY || color == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    png_set_filler(png, 0xFF, PNG_FILLER_AFTER); // only acts on rows without alpha
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != row_bytes) {
        copy_message(message, "unexpected row size after conversion to RGBA");
        return -1;
    }
    for (int pass = 0; pass < passes; pass++) {
        for (uint32_t y = 0; y < height; y++) {
            png_read_row(png, pixels + (size_t)y * row_bytes, NULL);
        }
    }
    png_read_end(png, NULL);
    return 0;
}

void rrd_png_reader_close(rrd_png_reader *reader) {
    if (!reader) return;
    png_destroy_read_struct(reader->png ? &reader->png : NULL, reader->info ? &reader->info : NULL, NULL);
    free(reader);
}

struct rrd_png_writer {
    uint8_t *data;
    size_t size;
    size_t capacity;
    int failed;
    char message[128];
};

static void on_write_error(png_structp png, png_const_charp text) {
    struct rrd_png_writer *writer = png_get_error_ptr(png);
    copy_message(writer->message, text);
    png_longjmp(png, 1);
}

static void on_write(png_structp png, png_bytep bytes, size_t count) {
    struct rrd_png_writer *writer = png_get_io_ptr(png);
    if (writer->size + count > writer->capacity) {
        size_t capacity = writer->capacity * 2;
        if (capacity < writer->size + count) capacity = writer->size + count;
        uint8_t *grown = realloc(writer->data, capacity);
        if (!grown) png_error(png, "out of memory");
        writer->data = grown;
        writer->capacity = capacity;
    }
    memcpy(writer->data + writer->size, bytes, count);
    writer->size += count;
}

static void on_flush(png_structp png) { (void)png; }

int rrd_png_encode_rgba8(const uint8_t *pixels, uint32_t width, uint32_t height, int level, int filters,
                         uint8_t **out, size_t *out_size, char *message) {
    struct rrd_png_writer writer = {0};
    writer.capacity = (size_t)width * height + 1024; // most frames compress below 1 byte per pixel
    writer.data = malloc(writer.capacity);
    if (!writer.data) {
        copy_message(message, "out of memory");
        return -1;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &writer, on_write_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!info) {
        png_destroy_write_struct(png ? &png : NULL, NULL);
        free(writer.data);
        copy_message(message, "out of memory");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(writer.data);
        copy_message(message, writer.message);
        return -1;
    }
    png_set_write_fn(png, &writer, on_write, on_flush);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    size_t row_bytes = (size_t)width * 4;
    for (uint32_t y = 0; y < height; y++) {
        png_write_row(png, pixels + (size_t)y * row_bytes);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    *out = writer.data;
    *out_size = writer.size;
    return 0;
}

void rrd_png_free(void *buffer) { free(buffer); }
