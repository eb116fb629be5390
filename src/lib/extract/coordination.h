/* coordination.h - coordinated names that share a head (coordination.c). */
#ifndef KG_EXTRACT_COORDINATION_H
#define KG_EXTRACT_COORDINATION_H

#include "extractor.h"

/* "The Presidents of the Danube Commission and the Sava Commission": a
 * plural title before "of A and B" stands for "President of A" and
 * "President of B" where those are known names; the mentions m[0 ..
 * count) of one sentence are re-pointed in place, and B's quote starts
 * where the title does: quote[k] is the byte where mention k's quote
 * starts. */
void kg_ex_distribute_titles(const kg_extractor *ex, const ex_text *t, ex_mention *m,
                             uint32_t *quote, size_t count);

#endif
