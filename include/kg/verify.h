/* kg/verify.h - grounding checks: every evidence quote must appear verbatim
 * (white space aside) in the source text it cites, and coverage figures say
 * how much of the graph is dated, evidenced and mentioned in its quotes.
 */
#ifndef KG_VERIFY_H
#define KG_VERIFY_H

#include <stddef.h>

#include "kg/error.h"
#include "kg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_verify_report {
    size_t quotes;            /* evidence quotes checked */
    size_t quotes_found;      /* found verbatim in their source */
    size_t relations;
    size_t relations_with_evidence;
    size_t relations_with_dates;
    size_t entities;
    size_t entities_with_dates;
    /* Entities whose label and aliases occur in no evidence quote (compared
     * case- and accent-insensitively); ids in graph order. */
    const char **unmentioned;
    size_t unmentioned_count;
} kg_verify_report;

/* Checks every quote of graph against its source's file (resolved against
 * base_dir). Each quote not found is added to diags with the JSON Pointer of
 * the quote in the data set (e.g. /relations/17/evidence/0/quote), named
 * `dataset_name`, and a hint quoting the closest passage of the source.
 * Returns KG_EINPUT when any quote is ungrounded, KG_EIO when a source
 * cannot be read, KG_OK otherwise; the report is filled in every case
 * (free with kg_verify_report_clear). O(Q * S log Q) for Q quote bytes and
 * S source bytes in the worst case; linear in practice. */
kg_status kg_verify(const kg_graph *graph, const char *base_dir,
                    const char *dataset_name, kg_verify_report *report,
                    kg_diagnostics *diags);
void kg_verify_report_clear(kg_verify_report *report);

/* Collapses every run of white space in s to one space and trims both ends,
 * in place. Returns s. */
char *kg_normalise_space(char *s);

#ifdef __cplusplus
}
#endif
#endif
