// Header-only: see include/. (A C target needs one source file.)
#include "lane_masks.h"
#include "prefetch.h"
