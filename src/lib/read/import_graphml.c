/* import_graphml.c - GraphML through libxml2's SAX2 parser, which reads
 * the input (a file or a buffer) in chunks as it goes and reports each
 * start tag, end tag and piece of text by a callback: no tree is built,
 * not even one element's, and every element has the line:column of its '<'.
 * Safety: no network (XML_PARSE_NONET), no DTD loading, no entity
 * substitution (a document that declares an entity is refused at the
 * declaration, so nothing can expand), libxml2's default limits (no
 * XML_PARSE_HUGE) and kg's own: elements nested at most 256 deep, the text
 * kg keeps of one value at most 10,000,000 bytes.
 *
 * <key>s give each value its type (attr.type) and a <default> for elements
 * without one (import_graphml_keys.c). yEd's graphics data (y:ShapeNode,
 * y:PolyLineEdge, yFiles for HTML's x:List ...) are not values: they are
 * skipped, but a node label found in them becomes the node's label. A graph
 * nested in a node (yEd groups) is flattened into the top graph, with a
 * warning. */
#define _DEFAULT_SOURCE /* MAP_PRIVATE */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "import_graphml.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define MAX_DEPTH 256 /* libxml2's tree builder's limit, which the reader had */

/* ---- positions and errors ------------------------------------------------ */

static void on_xml_error(void *arg, xmlErrorPtr error)
{
    gml *g = arg;
    if (g->has_xml_error || !error || error->level < XML_ERR_ERROR)
        return;
    g->has_xml_error = true;
    g->xml_line = error->line;
    g->xml_column = error->int2;
    snprintf(g->xml_message, sizeof g->xml_message, "%s", error->message ? error->message : "");
    size_t n = strlen(g->xml_message);
    while (n > 0 && (g->xml_message[n - 1] == '\n' || g->xml_message[n - 1] == ' '))
        g->xml_message[--n] = '\0';
}

static void ignore_message(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

/* Where the parser is. */
static kg_imp_where here(const gml *g)
{
    if (!g->ctxt) /* the fast reader's */
        return g->fast_where;
    const xmlParserInput *in = g->ctxt->input;
    return (kg_imp_where){in->line, in->col, NULL};
}

/* Where the start tag being reported began: libxml2 calls back with its
 * input at the tag's '>', and the whole tag is still in the input buffer
 * ('<' cannot occur inside it). Columns count characters, as libxml2's. */
static kg_imp_where tag_start(const gml *g)
{
    if (!g->ctxt)
        return g->fast_where;
    const xmlParserInput *in = g->ctxt->input;
    kg_imp_where w = here(g);
    const xmlChar *p = in->cur, *base = in->base;
    int lines = 0, chars = 0;
    /* 8 bytes at a time while none is '<', a newline or not ASCII (the
     * test is exact in saying whether one is: then byte by byte) */
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    while (p - base >= 8) {
        uint64_t word;
        memcpy(&word, p - 8, sizeof word);
        uint64_t lt = word ^ (ones * '<'), nl = word ^ (ones * '\n');
        if ((((lt - ones) & ~lt) | ((nl - ones) & ~nl) | word) & highs)
            break;
        p -= 8;
        chars += 8;
    }
    while (p > base && *--p != '<') {
        if (*p == '\n')
            lines++;
        if ((*p & 0xC0) != 0x80)
            chars++;
    }
    if (*p != '<')
        return w;
    if (lines == 0) {
        w.column = in->col - chars - 1;
        return w.column > 0 ? w : here(g);
    }
    chars = 0;
    const xmlChar *q = p;
    for (; q > base && q[-1] != '\n'; q--)
        if ((q[-1] & 0xC0) != 0x80)
            chars++;
    if (q == base && in->consumed > 0) /* the line began before the buffer */
        return w;
    return (kg_imp_where){in->line - lines, chars + 1, NULL};
}

/* Records st (when it is the first failure) and stops the parser. */
static kg_status fail(gml *g, kg_status st)
{
    if (st != KG_OK && g->st == KG_OK) {
        g->st = st;
        if (g->ctxt)
            xmlStopParser(g->ctxt);
    }
    return g->st;
}

static kg_status no_memory(gml *g)
{
    return fail(g, kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory"));
}

static kg_status xml_failure(gml *g)
{
    kg_imp_where w = {g->xml_line, g->xml_column, NULL};
    if (w.line <= 0) /* encoding errors come without a position */
        w = (kg_imp_where){1, 1, NULL};
    if (g->has_xml_error)
        return kg_imp_error(g->im, KG_EINPUT, &w, NULL, "XML error: %s", g->xml_message);
    w = here(g);
    return kg_imp_error(g->im, KG_EINPUT, &w, NULL, "XML error: unexpected end of the document");
}

/* ---- text and attributes -------------------------------------------------- */

static bool append(gml_buffer *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->capacity &&
        kg_grow((void **)&b->text, &b->capacity, b->len + n + 1, 1) != KG_OK)
        return false;
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = '\0';
    return true;
}

/* The element is GraphML's name: in its namespace or in none. The
 * namespace name that was GraphML's last time is known by its address
 * (the fast reader forgets it when it frees a declaration). */
static bool is_graphml(gml *g, const xmlChar *uri, const xmlChar *local, const char *name)
{
    /* the short local name first: it decides most calls */
    if (strcmp((const char *)local, name) != 0)
        return false;
    if (!uri || uri == g->graphml_uri)
        return true;
    if (strcmp((const char *)uri, GRAPHML_NS) != 0)
        return false;
    g->graphml_uri = uri;
    return true;
}

/* The unprefixed attribute name of the start tag in g->attrs, copied to
 * the buffer of slot (0-2) (or where it is, NUL-terminated, until the
 * callback returns), or NULL when absent or out of memory (then
 * g->st is KG_ENOMEM: callers check it before calling it missing). libxml2 leaves
 * '&' as "&#38;" in values when it does not substitute entities, for a
 * tree builder to decode: decoded here. */
const char *kg_gml_attribute(gml *g, int slot, const char *name)
{
    for (int i = 0; i < g->attr_count; i++) {
        const xmlChar **a = g->attrs + 5 * i; /* localname, prefix, URI, value, end */
        if (a[1] || strcmp((const char *)a[0], name) != 0)
            continue;
        const char *v = (const char *)a[3], *end = (const char *)a[4];
        /* the fast reader ends each value with a NUL: one without '&' is
         * used where it is (for the callback, as the copy would be) */
        if (!g->ctxt && *end == '\0' && !memchr(v, '&', (size_t)(end - v)))
            return v;
        gml_buffer *b = &g->attr[slot];
        b->len = 0;
        bool is_copied = append(b, "", 0);
        for (const char *amp; is_copied && (amp = memchr(v, '&', (size_t)(end - v))) != NULL;) {
            bool is_ref = end - amp >= 5 && memcmp(amp, "&#38;", 5) == 0;
            is_copied = append(b, v, (size_t)(amp - v) + 1);
            v = amp + (is_ref ? 5 : 1);
        }
        if (is_copied && append(b, v, (size_t)(end - v)))
            return b->text;
        no_memory(g);
        return NULL;
    }
    return NULL;
}

/* Text of the value being read: text and CDATA directly in the <data> or
 * <default> go to g->text, directly in its first label element to
 * g->label; the rest (comments, graphics) is not kept. */
void kg_gml_sax_text(void *ctx, const xmlChar *ch, int len)
{
    gml *g = ctx;
    if (!kg_gml_wants_text(g))
        return;
    gml_buffer *b = g->depth == g->value_depth ? &g->text : &g->label;
    if (b->len + (size_t)len > XML_MAX_TEXT_LENGTH) {
        kg_imp_where w = here(g);
        fail(g, kg_imp_error(g->im, KG_EINPUT, &w, NULL,
                             "text of a value over the limit of %d bytes", XML_MAX_TEXT_LENGTH));
        return;
    }
    if (!append(b, (const char *)ch, (size_t)len))
        no_memory(g);
}

static bool is_label_element(const xmlChar *local)
{
    const char *s = (const char *)local;
    /* asked of every graphics element before the label: the first byte
     * rules out most */
    return (s[0] == 'N' && strcmp(s, "NodeLabel") == 0) ||
           (s[0] == 'E' && strcmp(s, "EdgeLabel") == 0) ||
           (s[0] == 'L' && strcmp(s, "Label.Text") == 0);
}

/* An element inside the value being read: graphics; the first label
 * element with text is the one whose text is kept. */
static void value_element_start(gml *g, const xmlChar *local)
{
    g->has_elements = true;
    if (!g->has_label && g->label_depth < 0 && is_label_element(local))
        g->label_depth = g->depth;
}

static void value_element_end(gml *g)
{
    if (g->depth == g->label_depth) {
        g->label_depth = -1;
        g->has_label = g->label.len > 0;
    }
}

/* Starts reading the value of the <data> or <default> just opened. */
static kg_status begin_value(gml *g)
{
    g->text.len = g->label.len = 0;
    if (!append(&g->text, "", 0) || !append(&g->label, "", 0))
        return no_memory(g);
    g->is_reading = true;
    g->value_depth = g->depth;
    g->label_depth = -1;
    g->has_elements = g->has_label = false;
    return KG_OK;
}

/* ---- the element stack ----------------------------------------------------- */

static gml_frame *push(gml *g, gml_frame_kind kind, const kg_imp_where *w)
{
    if (g->frame_count + 1 > g->frame_capacity &&
        kg_grow((void **)&g->frames, &g->frame_capacity, g->frame_count + 1,
                sizeof *g->frames) != KG_OK) {
        no_memory(g);
        return NULL;
    }
    gml_frame *f = &g->frames[g->frame_count++];
    if (g->frame_count > g->frames_used) { /* a fresh slot; a used one keeps its buffer */
        memset(f, 0, sizeof *f);
        g->frames_used = g->frame_count;
    }
    f->kind = kind;
    f->depth = g->depth;
    f->where = *w;
    f->is_top = f->is_edge = f->is_open = f->has_id = false;
    f->owner.len = 0;
    return f;
}

static gml_frame *top(gml *g)
{
    return g->frame_count ? &g->frames[g->frame_count - 1] : NULL;
}

/* <node> or <edge>: ids and ends now; data, then perhaps a nested graph,
 * as they come. */
static void begin_element(gml *g, bool is_edge, const kg_imp_where *w)
{
    gml_frame *f = push(g, GML_ELEMENT, w);
    if (!f)
        return;
    f->is_edge = is_edge;
    f->is_open = true;
    const char *id = kg_gml_attribute(g, 0, "id");
    const char *source = is_edge ? kg_gml_attribute(g, 1, "source") : NULL;
    const char *target = is_edge ? kg_gml_attribute(g, 2, "target") : NULL;
    if (g->st != KG_OK)
        return;
    kg_status st = append(&f->owner, id ? id : "", id ? strlen(id) : 0)
                       ? kg_gml_begin(g, is_edge, w)
                       : no_memory(g);
    if (st == KG_OK && !is_edge && !id)
        st = kg_imp_error(g->im, KG_EINPUT, w, NULL, "<node> without an id");
    if (st == KG_OK && is_edge && (!source || !target))
        st = kg_imp_error(g->im, KG_EINPUT, w, NULL, "<edge> without a source and a target");
    f->has_id = id != NULL;
    if (st == KG_OK && id && !is_edge)
        st = kg_imp_set_id(g->im, id);
    if (st == KG_OK && is_edge)
        st = kg_imp_set_endpoints(g->im, source, target);
    fail(g, st);
}

static void begin_graph(gml *g, bool is_top, const kg_imp_where *w)
{
    gml_frame *f = push(g, GML_GRAPH, w);
    if (!f)
        return;
    f->is_top = is_top;
    const char *id = is_top ? kg_gml_attribute(g, 0, "id") : NULL;
    if (id)
        fail(g, kg_imp_graph_value(g->im, "name", id));
}

static void skip(gml *g)
{
    g->skip_depth = g->depth;
}

/* A child of <graphml>. */
static void in_root(gml *g, const xmlChar *uri, const xmlChar *local, const kg_imp_where *w)
{
    if (is_graphml(g, uri, local, "key")) {
        gml_frame *f = push(g, GML_KEY, w);
        if (f)
            fail(g, kg_gml_key(g, w));
    } else if (is_graphml(g, uri, local, "graph") && g->has_graph) {
        kg_imp_warning(g->im, w, "a second <graph> is skipped: kg imports the first graph "
                                 "of a file");
        skip(g);
    } else if (is_graphml(g, uri, local, "graph")) {
        g->has_graph = true;
        begin_graph(g, true, w);
    } else {
        skip(g);
    }
}

static void in_graph(gml *g, const gml_frame *f, const xmlChar *uri, const xmlChar *local,
                     const kg_imp_where *w)
{
    bool is_top = f->is_top;
    if (is_graphml(g, uri, local, "node") || is_graphml(g, uri, local, "edge")) {
        begin_element(g, local[0] == 'e', w);
    } else if (is_graphml(g, uri, local, "data") && is_top) {
        gml_frame *d = push(g, GML_DATA, w);
        if (d && fail(g, kg_gml_data_begin(g, d, GML_FOR_GRAPH)) == KG_OK)
            begin_value(g);
    } else if (is_graphml(g, uri, local, "hyperedge")) {
        fail(g, kg_imp_error(g->im, KG_EINPUT, w, "split it into edges",
                             "hyperedges are not supported"));
    } else {
        skip(g);
    }
}

/* A child of <node> or <edge>; a graph in it is flattened. */
static void in_element(gml *g, gml_frame *f, const xmlChar *uri, const xmlChar *local,
                       const kg_imp_where *w)
{
    int domain = f->is_edge ? GML_FOR_EDGE : GML_FOR_NODE;
    if (f->is_open && is_graphml(g, uri, local, "data")) {
        gml_frame *d = push(g, GML_DATA, w);
        if (d && fail(g, kg_gml_data_begin(g, d, domain)) == KG_OK)
            begin_value(g);
    } else if (is_graphml(g, uri, local, "graph")) {
        if (f->is_open && fail(g, kg_gml_end(g, f)) != KG_OK)
            return;
        f->is_open = false;
        kg_imp_warning(g->im, w, "graph nested in '%s' flattened: its nodes and edges are "
                                 "added to the top graph, the nesting is not kept",
                       f->owner.text);
        begin_graph(g, false, w);
    } else {
        if (is_graphml(g, uri, local, "port") && !g->is_port_warned) {
            kg_imp_warning(g->im, w, "ports are not kept");
            g->is_port_warned = true;
        }
        skip(g);
    }
}

static void root_element(gml *g, const xmlChar *prefix, const xmlChar *uri,
                         const xmlChar *local, const kg_imp_where *w)
{
    if (is_graphml(g, uri, local, "graphml")) {
        push(g, GML_ROOT, w);
        return;
    }
    fail(g, kg_imp_error(g->im, KG_EINPUT, w, NULL, "not GraphML: the root element is <%s%s%s>",
                         prefix ? (const char *)prefix : "", prefix ? ":" : "",
                         (const char *)local));
}

void kg_gml_sax_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_defaulted;
    gml *g = ctx;
    g->depth++;
    if (g->st != KG_OK)
        return;
    if (g->depth > MAX_DEPTH) {
        kg_imp_where w = tag_start(g);
        fail(g, kg_imp_error(g->im, KG_EINPUT, &w, NULL,
                             "elements nested deeper than the limit of %d", MAX_DEPTH));
        return;
    }
    if (g->skip_depth)
        return;
    if (g->is_reading) {
        value_element_start(g, local);
        return;
    }
    kg_imp_where w = tag_start(g);
    g->attrs = attributes;
    g->attr_count = nb_attributes;
    gml_frame *f = top(g);
    if (!f)
        root_element(g, prefix, uri, local, &w);
    else if (f->kind == GML_ROOT)
        in_root(g, uri, local, &w);
    else if (f->kind == GML_KEY && is_graphml(g, uri, local, "default") &&
             push(g, GML_DEFAULT, &w))
        begin_value(g);
    else if (f->kind == GML_GRAPH)
        in_graph(g, f, uri, local, &w);
    else if (f->kind == GML_ELEMENT)
        in_element(g, f, uri, local, &w);
    else
        skip(g);
    g->attrs = NULL;
    g->attr_count = 0;
}

/* The element at the top of the stack ends. */
static kg_status end_frame(gml *g, gml_frame *f)
{
    switch (f->kind) {
    case GML_DATA:
        g->is_reading = false;
        return kg_gml_data_end(g, f);
    case GML_DEFAULT:
        g->is_reading = false;
        return kg_gml_default_end(g, f);
    case GML_ELEMENT:
        return f->is_open ? kg_gml_end(g, f) : KG_OK;
    case GML_ROOT:
        g->is_root_done = true;
        return g->has_graph ? KG_OK
                            : kg_imp_error(g->im, KG_EINPUT, &f->where, NULL,
                                           "the document has no <graph>");
    default:
        return KG_OK;
    }
}

void kg_gml_sax_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)local;
    (void)prefix;
    (void)uri;
    gml *g = ctx;
    gml_frame *f = top(g);
    if (g->st != KG_OK) {
    } else if (g->skip_depth) {
        if (g->depth == g->skip_depth)
            g->skip_depth = 0;
    } else if (g->is_reading && g->depth > g->value_depth) {
        value_element_end(g);
    } else if (f && f->depth == g->depth) {
        g->frame_count--;
        fail(g, end_frame(g, f));
    }
    g->depth--;
}

/* ---- DTDs: no entity is declared, none referred to ------------------------- */

static void on_entity_declaration(void *ctx, const xmlChar *name, int type,
                                  const xmlChar *public_id, const xmlChar *system_id,
                                  xmlChar *content)
{
    (void)name;
    (void)type;
    (void)public_id;
    (void)system_id;
    (void)content;
    gml *g = ctx;
    kg_imp_where w = here(g);
    fail(g, kg_imp_error(g->im, KG_EINPUT, &w, "kg reads GraphML without DTD processing",
                         "the document declares entities, which kg does not expand"));
}

static void on_unparsed_entity(void *ctx, const xmlChar *name, const xmlChar *public_id,
                               const xmlChar *system_id, const xmlChar *notation)
{
    (void)notation;
    on_entity_declaration(ctx, name, 0, public_id, system_id, NULL);
}

/* A reference to an entity never declared, which libxml2 lets through
 * when the document has an external DTD (kg does not load it). */
static void on_reference(void *ctx, const xmlChar *name)
{
    gml *g = ctx;
    if (g->st != KG_OK)
        return;
    kg_imp_where w = here(g);
    fail(g, kg_imp_error(g->im, KG_EINPUT, &w, "kg reads GraphML without DTD processing",
                         "entity reference '&%s;' is not supported", (const char *)name));
}

/* ---- running the parser ------------------------------------------------------ */

/* The input, which libxml2 reads in chunks as it parses: a file, or a
 * buffer handed over in chunks of the same sizes, so that both parse
 * alike. */
typedef struct source {
    FILE *file;
    const char *text;
    size_t len, offset;
    bool has_read_error;
} source;

static int read_source(void *ctx, char *out, int len)
{
    source *s = ctx;
    if (len <= 0)
        return 0;
    if (!s->file) {
        size_t n = s->len - s->offset < (size_t)len ? s->len - s->offset : (size_t)len;
        memcpy(out, s->text + s->offset, n);
        s->offset += n;
        return (int)n;
    }
    size_t n = fread(out, 1, (size_t)len, s->file);
    if (n == 0 && ferror(s->file)) {
        s->has_read_error = true;
        return -1;
    }
    return (int)n;
}

static xmlSAXHandler handler(void)
{
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = kg_gml_sax_start;
    sax.endElementNs = kg_gml_sax_end;
    sax.characters = kg_gml_sax_text;
    sax.cdataBlock = kg_gml_sax_text;
    sax.ignorableWhitespace = kg_gml_sax_text;
    sax.entityDecl = on_entity_declaration;
    sax.unparsedEntityDecl = on_unparsed_entity;
    sax.reference = on_reference;
    sax.serror = on_xml_error;
    return sax;
}

#define PARSER_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

static kg_status parse(gml *g, source *s)
{
    xmlSAXHandler sax = handler();
    g->ctxt = xmlCreateIOParserCtxt(&sax, g, read_source, NULL, s, XML_CHAR_ENCODING_NONE);
    if (!g->ctxt)
        return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "cannot start the XML parser");
    xmlCtxtUseOptions(g->ctxt, PARSER_OPTIONS);
    xmlParseDocument(g->ctxt);
    kg_status st = g->st;
    if (st == KG_OK && s->has_read_error)
        st = kg_imp_error(g->im, KG_EIO, NULL, NULL, "cannot read the file");
    if (st == KG_OK && g->has_xml_error)
        st = xml_failure(g);
    if (st == KG_OK && !g->is_root_done) /* the parser stopped without saying why */
        st = xml_failure(g);
    if (g->ctxt->myDoc) /* made by libxml2 for an entity declaration */
        xmlFreeDoc(g->ctxt->myDoc);
    xmlFreeParserCtxt(g->ctxt);
    g->ctxt = NULL;
    return st;
}

/* Errors raised outside the parser context (encoding, I/O) go to libxml2's
 * global handlers, which print: they are caught while parsing. The whole
 * text, when there is one (a buffer, a mapped file), goes first to the
 * fast reader; when it gives up part way, the importer starts over (its
 * graph and the diagnostics added since are dropped) and libxml2 reads
 * the document from the start.
 * KG_GRAPHML_READER (for tests): "libxml2" sends every document to
 * libxml2, "fast" refuses one outside the fast reader's subset. */
static kg_status run(kg_importer *im, source *s, const char *text, size_t len, bool mapped)
{
    gml g;
    memset(&g, 0, sizeof g);
    g.im = im;
    g.label_depth = -1;
    g.last_key = (size_t)-1;
    kg_index_map_init(&g.key_ids);
    const char *reader = getenv("KG_GRAPHML_READER");
    if (!reader || strcmp(reader, "libxml2") != 0) {
        bool handled = false;
        size_t diag_count = im->diags ? im->diags->count : 0;
        size_t diag_dropped = im->diags ? im->diags->dropped : 0;
        kg_status st = text ? kg_gml_fast(&g, text, len, mapped, &handled) : KG_OK;
        if (!handled) { /* start over: nothing the fast reader did is kept */
            kg_gml_free(&g);
            memset(&g, 0, sizeof g);
            g.im = im;
            g.label_depth = -1;
            g.last_key = (size_t)-1;
            kg_index_map_init(&g.key_ids);
            st = kg_imp_restart(im, diag_count, diag_dropped);
            handled = st != KG_OK;
        }
        if (!handled && reader && strcmp(reader, "fast") == 0)
            st = kg_imp_error(im, KG_EINPUT, NULL, NULL,
                              "KG_GRAPHML_READER=fast: the file is outside the fast subset");
        if (handled || (reader && strcmp(reader, "fast") == 0)) {
            kg_gml_free(&g);
            return st;
        }
    }
    xmlGenericErrorFunc generic = xmlGenericError;
    void *generic_ctx = xmlGenericErrorContext;
    xmlStructuredErrorFunc structured = xmlStructuredError;
    void *structured_ctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(&g, ignore_message);
    xmlSetStructuredErrorFunc(&g, on_xml_error);
    kg_status st = parse(&g, s);
    xmlSetGenericErrorFunc(generic_ctx, generic);
    xmlSetStructuredErrorFunc(structured_ctx, structured);
    kg_gml_free(&g);
    return st;
}

kg_status kg_graphml_import(kg_importer *im, const char *text, size_t len)
{
    if (len == 0)
        return kg_imp_error(im, KG_EINPUT, &(kg_imp_where){1, 1, NULL}, NULL,
                            "empty file: expected GraphML");
    source s = {NULL, text, len, 0, false};
    return run(im, &s, text, len, false);
}

/* The same from an open file, read in chunks: the document is never held,
 * so there is no size limit but the node and edge ones. A regular file is
 * mapped for the fast reader, which drops the pages it has read. */
kg_status kg_graphml_import_file(kg_importer *im, FILE *file)
{
    int c = fgetc(file);
    if (c == EOF)
        return kg_imp_error(im, KG_EINPUT, &(kg_imp_where){1, 1, NULL}, NULL,
                            "empty file: expected GraphML");
    ungetc(c, file);
    source s = {file, NULL, 0, 0, false};
    struct stat info;
    int fd = fileno(file);
    void *map = MAP_FAILED;
    size_t size = 0;
    if (fd >= 0 && fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
        (uintmax_t)info.st_size < SIZE_MAX && ftell(file) == 0) {
        size = (size_t)info.st_size;
        map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    }
    kg_status st = run(im, &s, map == MAP_FAILED ? NULL : map, size, map != MAP_FAILED);
    if (map != MAP_FAILED)
        munmap(map, size);
    return st;
}
