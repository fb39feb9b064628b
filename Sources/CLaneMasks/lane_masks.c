// Header-only: see include/lane_masks.h. (A C target needs one source file.)
#include "lane_masks.h"
