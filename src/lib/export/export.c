/* export.c - the table of export formats, dispatch, and the helpers the
 * exporters share (field names, list-valued fields as JSON text). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "writer_internal.h"

typedef kg_status (*export_fn)(const kg_graph *graph,
                               const kg_export_options *options, kg_writer *w,
                               kg_error *err);

static kg_status graphml(const kg_graph *g, const kg_export_options *o,
                         kg_writer *w, kg_error *err)
{
    (void)o;
    return kg_export_graphml(g, w, err);
}

static kg_status html(const kg_graph *g, const kg_export_options *o,
                      kg_writer *w, kg_error *err)
{
    (void)o;
    return kg_export_html(g, w, err);
}

static kg_status node_link(const kg_graph *g, const kg_export_options *o,
                           kg_writer *w, kg_error *err)
{
    (void)o;
    return kg_export_json(g, w, err);
}

static kg_status gexf(const kg_graph *g, const kg_export_options *o, kg_writer *w,
                      kg_error *err)
{
    (void)o;
    return kg_export_gexf(g, w, err);
}

static kg_status cytoscape(const kg_graph *g, const kg_export_options *o, kg_writer *w,
                           kg_error *err)
{
    (void)o;
    return kg_export_cytoscape(g, w, err);
}

static kg_status cytoscape_style(const kg_graph *g, const kg_export_options *o,
                                 kg_writer *w, kg_error *err)
{
    (void)o;
    return kg_export_cytoscape_style(g, w, err);
}

static kg_status yed(const kg_graph *g, const kg_export_options *o, kg_writer *w,
                     kg_error *err)
{
    (void)o;
    return kg_export_yed(g, w, err);
}

static kg_status cypher(const kg_graph *g, const kg_export_options *o, kg_writer *w,
                        kg_error *err)
{
    (void)o;
    return kg_export_cypher(g, w, err);
}

static kg_status neo4j(const kg_graph *g, const kg_export_options *o, kg_writer *w,
                       kg_error *err)
{
    (void)g, (void)o;
    return kg_error_set(err, KG_EUSAGE, kg_writer_name(w),
                        "the neo4j format writes a folder of CSV files; "
                        "use kg_export_neo4j_folder or kg_export_neo4j_file");
}

static kg_status ntriples(const kg_graph *g, const kg_export_options *o, kg_writer *w,
                          kg_error *err)
{
    (void)o;
    return kg_export_ntriples(g, w, err);
}

static kg_status turtle(const kg_graph *g, const kg_export_options *o, kg_writer *w,
                        kg_error *err)
{
    (void)o;
    return kg_export_turtle(g, w, err);
}

typedef struct format_info {
    const char *name;
    const char *extension;
    const char *alias; /* another name or extension, or NULL */
    bool is_default;
    export_fn write;
} format_info;

/* Indexed by kg_format. */
static const format_info formats[KG_FORMAT_COUNT] = {
    [KG_FORMAT_DOT] = {"dot", "dot", "gv", true, kg_export_dot},
    [KG_FORMAT_GRAPHML] = {"graphml", "graphml", NULL, true, graphml},
    [KG_FORMAT_JSON] = {"json", "json", NULL, true, node_link},
    [KG_FORMAT_SVG] = {"svg", "svg", NULL, true, kg_export_svg},
    [KG_FORMAT_HTML] = {"html", "html", "htm", true, html},
    [KG_FORMAT_GEXF] = {"gexf", "gexf", NULL, false, gexf},
    [KG_FORMAT_CYTOSCAPE] = {"cytoscape", "cyjs", NULL, false, cytoscape},
    [KG_FORMAT_CYTOSCAPE_STYLE] = {"cytoscape-style", "style.json", NULL, false,
                                   cytoscape_style},
    [KG_FORMAT_YED] = {"yed", "yed.graphml", NULL, false, yed},
    [KG_FORMAT_CYPHER] = {"cypher", "cypher", "cql", false, cypher},
    [KG_FORMAT_NEO4J] = {"neo4j", "neo4j", NULL, false, neo4j},
    [KG_FORMAT_NTRIPLES] = {"nt", "nt", "ntriples", false, ntriples},
    [KG_FORMAT_TURTLE] = {"ttl", "ttl", "turtle", false, turtle},
    [KG_FORMAT_PNG] = {"png", "png", NULL, false, kg_export_png},
    [KG_FORMAT_PDF] = {"pdf", "pdf", NULL, false, kg_export_pdf},
};

kg_export_options kg_export_defaults(void)
{
    return (kg_export_options){.has_legend = true,
                               .layout = NULL,
                               .rankdir = NULL,
                               .has_dot_legend = false,
                               .max_pixels = KG_DEFAULT_MAX_PIXELS};
}

static bool is_one_of(const char *value, const char *const *choices)
{
    for (; *choices; choices++)
        if (strcmp(value, *choices) == 0)
            return true;
    return false;
}

kg_status kg_export_check_options(const kg_export_options *o, kg_error *err)
{
    static const char *const layouts[] = {"dot", "neato", "fdp", "sfdp", "circo",
                                          "twopi", "osage", "patchwork", NULL};
    static const char *const rankdirs[] = {"LR", "RL", "TB", "BT", NULL};
    kg_status status = KG_OK;
    if (o->layout && !is_one_of(o->layout, layouts)) {
        status = kg_error_set(err, KG_EUSAGE, NULL, "unknown layout '%s'", o->layout);
        if (err)
            snprintf(err->hint, sizeof err->hint,
                     "use one of dot, neato, fdp, sfdp, circo, twopi, osage, patchwork");
    } else if (o->rankdir && !is_one_of(o->rankdir, rankdirs)) {
        status = kg_error_set(err, KG_EUSAGE, NULL, "unknown rank direction '%s'", o->rankdir);
        if (err)
            snprintf(err->hint, sizeof err->hint, "use one of LR, RL, TB, BT");
    }
    return status;
}

static bool is_valid_format(kg_format format)
{
    return (int)format >= 0 && format < KG_FORMAT_COUNT;
}

kg_status kg_format_from_name(const char *name, kg_format *out)
{
    for (int i = 0; name && i < KG_FORMAT_COUNT; i++) {
        const format_info *f = &formats[i];
        if (strcmp(name, f->name) == 0 || strcmp(name, f->extension) == 0 ||
            (f->alias && strcmp(name, f->alias) == 0)) {
            *out = (kg_format)i;
            return KG_OK;
        }
    }
    return KG_EUSAGE;
}

kg_status kg_format_from_path(const char *path, kg_format *out)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t base_len = strlen(base);
    /* Two-part extensions first, so "x.yed.graphml" is yEd, not GraphML. */
    for (int i = 0; i < KG_FORMAT_COUNT; i++) {
        const char *ext = formats[i].extension;
        size_t len = strlen(ext);
        if (strchr(ext, '.') && base_len > len + 1 && base[base_len - len - 1] == '.' &&
            strcmp(base + base_len - len, ext) == 0) {
            *out = (kg_format)i;
            return KG_OK;
        }
    }
    const char *dot = strrchr(base, '.');
    if (!dot || dot[1] == '\0')
        return KG_EUSAGE;
    return kg_format_from_name(dot + 1, out);
}

const char *kg_format_name(kg_format format)
{
    return is_valid_format(format) ? formats[format].name : "unknown";
}

const char *kg_format_extension(kg_format format)
{
    return is_valid_format(format) ? formats[format].extension : "";
}

bool kg_format_is_default(kg_format format)
{
    return is_valid_format(format) && formats[format].is_default;
}

bool kg_format_is_folder(kg_format format)
{
    return format == KG_FORMAT_NEO4J;
}

kg_status kg_export(const kg_graph *graph, kg_format format,
                    const kg_export_options *options, kg_writer *w,
                    kg_error *err)
{
    if (!graph || !w || !is_valid_format(format) || !kg_graph_is_finished(graph))
        return kg_error_set(err, KG_EUSAGE, NULL,
                            "kg_export needs a finished graph, a writer and a known format");
    kg_export_options defaults = kg_export_defaults();
    const kg_export_options *o = options ? options : &defaults;
    kg_status status = kg_export_check_options(o, err);
    return status == KG_OK ? formats[format].write(graph, o, w, err) : status;
}

/* ---- shared helpers ---------------------------------------------------- */

/* Field names of kg elements in every export format. */
static const char *const reserved_names[] = {
    "aliases", "description", "edge_id", "end", "evidence", "id", "key",
    "label", "quote", "source", "start", "target", "type", NULL};

const char *kg_export_attr_name(const char *key, char *buf, size_t size)
{
    if (!key[0] || !strchr("adeiklqst", key[0])) /* no field name starts otherwise */
        return key;
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

char *kg_export_quotes_text(const kg_evidence *evidence, uint32_t count)
{
    kg_writer *w = open_memory();
    if (!w)
        return NULL;
    for (uint32_t i = 0; i < count; i++) {
        if (i)
            kg_putc(w, '\n');
        kg_writer_puts(w, evidence[i].quote);
    }
    return take_memory(w);
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
            kg_writer_puts(w, attrs[i].text);
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

void kg_export_json_evidence(kg_writer *w, const kg_evidence *ev, uint32_t count)
{
    if (count == 0)
        return;
    KG_PUT_LIT(w, ", \"evidence\": [");
    for (uint32_t i = 0; i < count; i++) {
        kg_writer_puts(w, i ? ", {\"source\": " : "{\"source\": ");
        kg_write_json_string(w, ev[i].source);
        KG_PUT_LIT(w, ", \"quote\": ");
        kg_write_json_string(w, ev[i].quote);
        kg_putc(w, '}');
    }
    kg_putc(w, ']');
}
