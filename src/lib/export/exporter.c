/* exporter.c - the kit every exporter calls back into (exporter.h): the
 * names kg's fields are written under, list-valued fields as JSON text,
 * JSON members shared by the JSON formats, and the writer's error as a
 * kg_error. The registry that dispatches to the exporters is export.c. */
#include "exporter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Field names of kg elements in every export format. */
static const char *const reserved_names[] = {
    "aliases", "description", "edge_id", "end", "evidence", "id", "key",
    "label", "quote", "source", "start", "target", "type", NULL};

const char *kg_export_attr_name(const char *key, char *buf, size_t size)
{
    switch (key[0]) { /* runs per value: no field name starts otherwise */
    case 'a': case 'd': case 'e': case 'i': case 'k': case 'l': case 'q': case 's': case 't':
        break;
    default:
        return key;
    }
    for (const char *const *r = reserved_names; *r; r++) {
        if (key[0] == (*r)[0] && strcmp(key, *r) == 0) { /* runs per value */
            snprintf(buf, size, "attr_%s", key);
            return buf;
        }
    }
    return key;
}

/* The memory writer's text as a malloc'd string, or NULL. Frees w. */
static char *take_memory(kg_writer *w)
{
    char *text = NULL;
    if (kg_writer_status(w) == KG_OK) {
        size_t len;
        const char *bytes = kg_writer_memory(w, &len);
        text = malloc(len + 1);
        if (text)
            memcpy(text, bytes, len + 1);
    }
    kg_writer_abort(w);
    return text;
}

static kg_writer *open_memory(void)
{
    kg_writer *w = NULL;
    return kg_writer_open_memory(&w, NULL) == KG_OK ? w : NULL;
}

char *kg_export_aliases_json(const kg_node *node)
{
    kg_writer *w = open_memory();
    if (!w)
        return NULL;
    for (uint32_t i = 0; i < node->alias_count; i++) {
        kg_writer_puts(w, i ? "," : "[");
        kg_write_json_string(w, node->aliases[i]);
    }
    if (node->alias_count)
        kg_putc(w, ']');
    return take_memory(w);
}

char *kg_export_evidence_json(const kg_evidence *evidence, uint32_t count)
{
    kg_writer *w = open_memory();
    if (!w)
        return NULL;
    for (uint32_t i = 0; i < count; i++) {
        kg_writer_puts(w, i ? ",{\"source\":" : "[{\"source\":");
        kg_write_json_string(w, evidence[i].source);
        KG_PUT_LIT(w, ",\"quote\":");
        kg_write_json_string(w, evidence[i].quote);
        kg_putc(w, '}');
    }
    if (count)
        kg_putc(w, ']');
    return take_memory(w);
}

char *kg_export_sources_json(const kg_graph *g)
{
    kg_writer *w = open_memory();
    if (!w)
        return NULL;
    for (size_t i = 0; i < kg_graph_source_count(g); i++) {
        const kg_source *s = kg_graph_source(g, i);
        kg_writer_puts(w, i ? "," : "[");
        KG_PUT_LIT(w, "{\"id\":");
        kg_write_json_string(w, s->id);
        KG_PUT_LIT(w, ",\"title\":");
        kg_write_json_string(w, s->title ? s->title : "");
        if (s->file) {
            KG_PUT_LIT(w, ",\"file\":");
            kg_write_json_string(w, s->file);
        }
        if (s->url) {
            KG_PUT_LIT(w, ",\"url\":");
            kg_write_json_string(w, s->url);
        }
        kg_putc(w, '}');
    }
    if (kg_graph_source_count(g))
        kg_putc(w, ']');
    return take_memory(w);
}

/* The quotes (or the sources) of evidence, one a line. */
static char *evidence_lines(const kg_evidence *evidence, uint32_t count, bool is_source)
{
    kg_writer *w = open_memory();
    if (!w)
        return NULL;
    for (uint32_t i = 0; i < count; i++) {
        if (i)
            kg_putc(w, '\n');
        kg_writer_puts(w, is_source ? evidence[i].source : evidence[i].quote);
    }
    return take_memory(w);
}

char *kg_export_quotes_text(const kg_evidence *evidence, uint32_t count)
{
    return evidence_lines(evidence, count, false);
}

char *kg_export_evidence_sources_text(const kg_evidence *evidence, uint32_t count)
{
    return evidence_lines(evidence, count, true);
}

void kg_export_json_attrs(kg_writer *w, const kg_attr *attrs, uint32_t count)
{
    char name[256];
    for (uint32_t i = 0; i < count; i++) {
        KG_PUT_LIT(w, ", ");
        kg_write_json_string(w, kg_export_attr_name(attrs[i].key, name, sizeof name));
        KG_PUT_LIT(w, ": ");
        if (attrs[i].kind == KG_VALUE_STRING)
            kg_write_json_string(w, attrs[i].text);
        else
            kg_put_str(w, attrs[i].text);
    }
}

void kg_export_own_prefix(const kg_graph *g, const char *base, char *prefix, size_t size)
{
    snprintf(prefix, size, "%s", base);
    for (size_t len = strlen(prefix); len + 2 < size; len++) {
        bool is_taken = false;
        for (size_t i = 0; i < kg_graph_node_count(g) && !is_taken; i++)
            is_taken = strncmp(kg_graph_node(g, i)->id, prefix, len) == 0;
        if (!is_taken)
            return;
        prefix[len - 1] = '_';
        prefix[len] = ':';
        prefix[len + 1] = '\0';
    }
}

kg_status kg_export_writer_error(kg_writer *w, kg_error *err)
{
    kg_status status = kg_writer_status(w);
    if (status == KG_OK)
        return KG_OK;
    if (status == KG_ENOMEM)
        return kg_error_set(err, status, kg_writer_name(w), "out of memory while writing");
    return kg_error_set(err, status, kg_writer_name(w), "cannot write the export");
}

void kg_export_json_named(kg_writer *w, const char *prefix, size_t len, const char *value)
{
    if (!value)
        return;
    kg_put(w, prefix, len);
    kg_write_json_string(w, value);
}

void kg_export_json_aliases(kg_writer *w, const kg_node *n)
{
    if (n->alias_count == 0)
        return;
    KG_PUT_LIT(w, ", \"aliases\": [");
    for (uint32_t i = 0; i < n->alias_count; i++) {
        if (i)
            KG_PUT_LIT(w, ", ");
        kg_write_json_string(w, n->aliases[i]);
    }
    kg_putc(w, ']');
}

void kg_export_json_dates(kg_writer *w, kg_date start, kg_date end)
{
    char text[11];
    if (start.precision != KG_DATE_NONE)
        kg_export_json_member(w, "start", kg_date_format(start, text));
    if (end.precision != KG_DATE_NONE)
        kg_export_json_member(w, "end", kg_date_format(end, text));
}

void kg_export_json_evidence_as(kg_writer *w, const kg_evidence *ev, uint32_t count,
                                kg_export_string_fn string)
{
    KG_PUT_LIT(w, ", \"evidence\": [");
    for (uint32_t i = 0; i < count; i++) {
        kg_writer_puts(w, i ? ", {\"source\": " : "{\"source\": ");
        string(w, ev[i].source);
        KG_PUT_LIT(w, ", \"quote\": ");
        string(w, ev[i].quote);
        kg_putc(w, '}');
    }
    kg_putc(w, ']');
}

void kg_export_json_evidence(kg_writer *w, const kg_evidence *ev, uint32_t count)
{
    if (count)
        kg_export_json_evidence_as(w, ev, count, kg_write_json_string);
}

kg_status kg_export_template(kg_writer *w, const char *text, size_t size, const char *what,
                             kg_export_fill_fn fill, void *ctx, kg_error *err)
{
    const char *end = text + size;
    while (text < end) {
        const char *at = strstr(text, "@KG_");
        const char *close = at ? strchr(at + 4, '@') : NULL;
        if (!at || !close) {
            kg_writer_write(w, text, (size_t)(end - text));
            break;
        }
        kg_writer_write(w, text, (size_t)(at - text));
        if (!fill(w, ctx, at + 4, (size_t)(close - at - 4)))
            return kg_error_set(err, KG_EUSAGE, NULL, "the %s template has an unknown marker '%.*s'",
                                what, (int)(close - at + 1), at);
        text = close + 1;
    }
    return kg_export_writer_error(w, err);
}
