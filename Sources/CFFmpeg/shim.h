#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>

// Function-like macros do not import into Swift; these inline wrappers stand in for them.
static inline int rrd_averror(int e) { return AVERROR(e); }
static inline int rrd_averror_eof(void) { return AVERROR_EOF; }
static inline int rrd_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int64_t rrd_av_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline unsigned int rrd_mktag(char a, char b, char c, char d) { return MKTAG(a, b, c, d); }
