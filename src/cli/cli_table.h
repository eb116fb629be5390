/* cli_table.h - the analysis commands' results (cli_table.c): rows of
 * typed cells written as an aligned table, CSV or JSON. */
#ifndef KG_CLI_TABLE_H
#define KG_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

typedef enum kg_out_format { KG_OUT_TABLE = 0, KG_OUT_CSV, KG_OUT_JSON } kg_out_format;

typedef struct kg_table kg_table;

/* A table with these column names (1 to 32 of them; NULL when out of
 * memory or out of range); numeric columns are right-aligned. */
kg_table *kg_table_new(size_t columns, const char *const *names);
void kg_table_free(kg_table *t);

/* Fields written before the rows in JSON ({"graph": ..., "measure": ...,
 * "results": [...]}) and as "# key: value" lines nowhere else. */
bool kg_table_meta_text(kg_table *t, const char *key, const char *value);
bool kg_table_meta_number(kg_table *t, const char *key, double value);

/* Appends cells to the current row, left to right; kg_table_row starts a
 * new row. Each returns false when out of memory (the table then refuses
 * further cells and kg_table_print reports it). */
bool kg_table_row(kg_table *t);
bool kg_table_text(kg_table *t, const char *value);   /* NULL: empty/null */
bool kg_table_number(kg_table *t, double value);
bool kg_table_count(kg_table *t, size_t value);
/* A list of strings: joined with ", " in tables (the first `shown`, then
 * "... +N"), with spaces in CSV, a JSON array in JSON. */
bool kg_table_list(kg_table *t, const char *const *items, size_t count);

/* Writes the table to stdout in the format; returns an exit code. Numbers
 * appear with 6 significant digits in tables and in their shortest exact
 * form (kg_format_double) in CSV and JSON; meta fields are "key: value"
 * lines above a table, JSON fields before "results", absent from CSV. */
int kg_table_print(kg_table *t, kg_out_format format);

#endif
