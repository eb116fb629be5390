/* html.c - the main text of a saved web page, for kg extract: libxml2's
 * HTML parser (recovering, no network), scripts, styles, navigation,
 * headers, footers and forms dropped, block elements ending lines. The
 * text is what quotes are taken from, so kg extract writes it beside the
 * candidates and cites that file. */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

static const char *const dropped[] = {"script", "style", "nav", "header", "footer", "aside",
                                      "noscript", "template", "form", "iframe", "svg",
                                      "button", "select", "head", NULL};
static const char *const blocks[] = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                                     "h5", "h6", "br", "tr", "table", "section", "article",
                                     "main", "blockquote", "pre", "dd", "dt", "dl", "hr",
                                     "figcaption", "caption", "td", "th", "body", NULL};

static bool named(const xmlNode *n, const char *const *list)
{
    for (; *list; list++)
        if (xmlStrcasecmp(n->name, (const xmlChar *)*list) == 0)
            return true;
    return false;
}

typedef struct text_buf {
    char *data;
    size_t len, cap;
    bool is_failed;
    bool pending_space;
} text_buf;

static void put(text_buf *b, const char *s, size_t n)
{
    if (b->is_failed)
        return;
    if (b->len + n + 2 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->len + n + 2 > cap)
            cap *= 2;
        char *more = realloc(b->data, cap);
        if (!more) {
            b->is_failed = true;
            return;
        }
        b->data = more;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void line_break(text_buf *b)
{
    if (b->len > 0 && b->data[b->len - 1] != '\n')
        put(b, "\n", 1);
    b->pending_space = false;
}

/* Appends text with runs of white space as one space. */
static void put_text(text_buf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
            b->pending_space = b->len > 0 && b->data[b->len - 1] != '\n';
            continue;
        }
        if (b->pending_space)
            put(b, " ", 1);
        b->pending_space = false;
        put(b, p, 1);
    }
}

static void walk(const xmlNode *n, text_buf *b, int depth)
{
    for (; n && depth < 256; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_text(b, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !named(n, dropped)) {
            bool is_block = named(n, blocks);
            if (is_block)
                line_break(b);
            walk(n->children, b, depth + 1);
            if (is_block)
                line_break(b);
        }
    }
}

static char *title_of(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *h = root ? root->children : NULL; h; h = h->next) {
        if (h->type != XML_ELEMENT_NODE || xmlStrcasecmp(h->name, (const xmlChar *)"head"))
            continue;
        for (xmlNode *t = h->children; t; t = t->next)
            if (t->type == XML_ELEMENT_NODE && !xmlStrcasecmp(t->name, (const xmlChar *)"title")) {
                xmlChar *s = xmlNodeGetContent(t);
                text_buf b = {0};
                put_text(&b, s ? (const char *)s : "");
                xmlFree(s);
                return b.data;
            }
    }
    return NULL;
}

kg_status kg_html_to_text(const char *html, size_t len, const char *name, char **text,
                          size_t *text_len, char **title, kg_error *err)
{
    *text = NULL;
    *text_len = 0;
    if (title)
        *title = NULL;
    if (len > KG_EXTRACT_MAX_TEXT || len > (size_t)INT32_MAX)
        return kg_error_set(err, KG_ELIMIT, name, "page of %zu bytes is over the limit", len);
    xmlDoc *doc = htmlReadMemory(html, (int)len, name, NULL,
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc)
        return kg_error_set(err, KG_EINPUT, name, "not an HTML page libxml2 can read");
    text_buf b = {0};
    walk(xmlDocGetRootElement(doc), &b, 0);
    line_break(&b);
    put(&b, "", 0);
    if (title)
        *title = title_of(doc);
    xmlFreeDoc(doc);
    if (b.is_failed || !b.data) {
        free(b.data);
        if (title) {
            free(*title);
            *title = NULL;
        }
        return kg_error_set(err, KG_ENOMEM, name, "out of memory");
    }
    *text = b.data;
    *text_len = b.len;
    return KG_OK;
}
