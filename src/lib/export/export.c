/* export.c - the registry of export formats: their names, extensions and
 * entry points, option checks, and dispatch (kg_export). The helpers the
 * exporters call back into are exporter.c's. */
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

static kg_status cytoscape_vizmap(const kg_graph *g, const kg_export_options *o,
                                  kg_writer *w, kg_error *err)
{
    (void)o;
    return kg_export_cytoscape_vizmap(g, w, err);
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
    return kg_export_rdf(g, o, false, w, err);
}

static kg_status turtle(const kg_graph *g, const kg_export_options *o, kg_writer *w,
                        kg_error *err)
{
    return kg_export_rdf(g, o, true, w, err);
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
    [KG_FORMAT_CYTOSCAPE_VIZMAP] = {"cytoscape-vizmap", "vizmap.xml", NULL, false,
                                    cytoscape_vizmap},
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
                               .base_iri = NULL,
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

/* RFC 3987 in brief: scheme ":" rest, the scheme a letter then letters,
 * digits, '+', '-', '.'; the rest without what N-Triples forbids in an IRI. */
static bool is_absolute_iri(const char *s)
{
    const char *p = s;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return false;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    if (*p != ':' || p[1] == '\0')
        return false;
    for (p++; *p; p++)
        if ((unsigned char)*p <= 0x20 || *p == 0x7f || strchr("<>\"{}|^`\\", *p))
            return false;
    return true;
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
    } else if (o->base_iri && !is_absolute_iri(o->base_iri)) {
        status = kg_error_set(err, KG_EUSAGE, NULL, "'%s' is not an absolute IRI", o->base_iri);
        if (err)
            snprintf(err->hint, sizeof err->hint,
                     "give a scheme and no spaces or <>\"{}|^`\\, e.g. https://example.org/my-graph/");
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
