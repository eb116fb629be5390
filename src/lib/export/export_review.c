/* export_review.c - the review page (kg review): src/viewer/review.html with
 * its style sheet and script, the candidate data set's own text, the
 * schema's types and each source's text filled in, so a person can accept,
 * reject, retype and merge candidates offline and download the result.
 * Everything embedded goes through the script-safe JSON escaper. */
#include <stdio.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"
#include "viewer_assets.h"

static void json_string(kg_writer *w, const char *s)
{
    kg_write_json_string_for_script(w, s ? s : "");
}

/* The data set's title, else its name, else a word. */
static const char *page_title(const kg_graph *g)
{
    const char *title = kg_graph_title(g);
    if (!title || !title[0])
        title = kg_graph_name(g);
    return title && title[0] ? title : "candidates";
}

/* Node type names by index, as a JSON array; "null" for any. */
static void type_list(kg_writer *w, const kg_schema *schema, bool is_any,
                      const size_t *types, size_t count)
{
    if (is_any) {
        kg_writer_puts(w, "null");
        return;
    }
    kg_writer_putc(w, '[');
    for (size_t i = 0; i < count; i++) {
        if (i)
            kg_writer_puts(w, ", ");
        const kg_node_type *t = types[i] < kg_schema_node_type_count(schema)
                                    ? kg_schema_node_type(schema, types[i]) : NULL;
        json_string(w, t ? t->name : "");
    }
    kg_writer_putc(w, ']');
}

static void schema_types(kg_writer *w, const kg_schema *schema)
{
    size_t n = schema ? kg_schema_node_type_count(schema) : 0;
    kg_writer_puts(w, ",\n\"node_types\": [");
    for (size_t i = 0; i < n; i++) {
        kg_writer_puts(w, i ? ", " : "");
        json_string(w, kg_schema_node_type(schema, i)->name);
    }
    n = schema ? kg_schema_edge_type_count(schema) : 0;
    kg_writer_puts(w, "],\n\"edge_types\": [");
    for (size_t i = 0; i < n; i++) {
        const kg_edge_type *t = kg_schema_edge_type(schema, i);
        kg_writer_puts(w, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
        json_string(w, t->name);
        kg_writer_puts(w, ", \"source_types\": ");
        type_list(w, schema, t->allows_any_source, t->source_types, t->source_type_count);
        kg_writer_puts(w, ", \"target_types\": ");
        type_list(w, schema, t->allows_any_target, t->target_types, t->target_type_count);
        kg_writer_putc(w, '}');
    }
    kg_writer_putc(w, ']');
}

static void sources(kg_writer *w, const kg_graph *g, const char *const *texts)
{
    kg_writer_puts(w, ",\n\"sources\": [");
    for (size_t i = 0; i < kg_graph_source_count(g); i++) {
        const kg_source *s = kg_graph_source(g, i);
        kg_writer_puts(w, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        json_string(w, s->id);
        kg_writer_puts(w, ", \"title\": ");
        json_string(w, s->title ? s->title : s->id);
        kg_writer_puts(w, ", \"text\": ");
        if (texts && texts[i])
            json_string(w, texts[i]);
        else
            kg_writer_puts(w, "null");
        kg_writer_putc(w, '}');
    }
    kg_writer_putc(w, ']');
}

static void review_json(kg_writer *w, const kg_graph *g, const char *dataset_text,
                        const char *file_name, const char *const *texts)
{
    kg_writer_puts(w, "{\"kg_review\": 1,\n\"title\": ");
    json_string(w, page_title(g));
    if (file_name) {
        const char *slash = strrchr(file_name, '/');
        kg_writer_puts(w, ",\n\"file\": ");
        json_string(w, slash ? slash + 1 : file_name);
    }
    schema_types(w, kg_graph_schema(g));
    sources(w, g, texts);
    /* The data set as written, so the page saves every key it does not
     * know about (confidence, rule, offsets ...) unchanged. */
    kg_writer_puts(w, ",\n\"dataset\": ");
    json_string(w, dataset_text);
    kg_writer_puts(w, "}\n");
}

static bool fill(kg_writer *w, const kg_graph *g, const char *dataset_text,
                 const char *file_name, const char *const *texts, const char *name,
                 size_t name_len)
{
#define IS(lit) (name_len == sizeof lit - 1 && memcmp(name, lit, name_len) == 0)
    if (IS("TITLE")) {
        kg_writer_puts(w, "Review: ");
        kg_write_xml_text(w, page_title(g));
    } else if (IS("CSS"))
        kg_writer_write(w, kg_review_css, kg_review_css_size);
    else if (IS("JS"))
        kg_writer_write(w, kg_review_js, kg_review_js_size);
    else if (IS("DATA"))
        review_json(w, g, dataset_text, file_name, texts);
    else
        return false;
    return true;
#undef IS
}

typedef struct review_page {
    const kg_graph *graph;
    const char *dataset_text, *file_name;
    const char *const *source_texts;
} review_page;

static bool fill_page(kg_writer *w, void *ctx, const char *name, size_t len)
{
    const review_page *p = ctx;
    return fill(w, p->graph, p->dataset_text, p->file_name, p->source_texts, name, len);
}

kg_status kg_export_review(const kg_graph *graph, const char *dataset_text,
                           const char *file_name, const char *const *source_texts,
                           kg_writer *w, kg_error *err)
{
    if (!graph || !dataset_text || !w)
        return kg_error_set(err, KG_EUSAGE, NULL,
                            "kg_export_review needs a graph, its data set's text and a writer");
    review_page page = {graph, dataset_text, file_name, source_texts};
    return kg_export_template(w, (const char *)kg_review_template, kg_review_template_size,
                              "review", fill_page, &page, err);
}
