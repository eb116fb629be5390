/* escape.c - one escaper per output language. Each walks the string as
 * UTF-8, replaces malformed bytes with U+FFFD, and quotes whatever could
 * end the string or change its meaning in that language, so no label can
 * break out of a DOT string, an XML attribute or text, or a JSON string. */
#include <stdint.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"
#include "kg/export.h"
#include "writer_internal.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD in UTF-8 */

/* Writes the code point at s unchanged when it was well-formed, or U+FFFD. */
static void put_code_point(kg_writer *w, const char *s, size_t n, uint32_t cp)
{
    if (cp == 0xFFFD && n == 1)
        kg_put(w, replacement, 3);
    else
        kg_put(w, s, n);
}

/* Which languages copy a byte unchanged: printable ASCII, less the bytes
 * each must escape (" in all but Cypher; \\ in all but XML and CSV; ' in
 * XML and Cypher; & < > in XML and script). Escapers copy runs of such bytes straight into the
 * writer's buffer instead of decoding them one code point at a time: the
 * same bytes, several times faster on large exports. */
enum {
    ESC_DOT = 1, ESC_XML = 2, ESC_JSON = 4, ESC_SCRIPT = 8,
    ESC_CYPHER = 16, ESC_NTRIPLES = 32, ESC_CSV = 64
};
static const unsigned char plain_in[256] = {
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    127, 127,  16, 127, 127, 127, 117, 109, 127, 127, 127, 127, 127, 127, 127, 127,
    127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 117, 127, 117, 127,
    127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127,
    127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127,  66, 127, 127, 127,
    127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127,
    127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 127,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
};

/* Copies the run of plain bytes at *s into w's buffer and moves past it.
 * One pass that scans and copies: most strings are short ids and labels,
 * for which finding the length first and then copying costs twice. */
static inline void copy_plain_run(kg_writer *w, const char **s, unsigned language)
{
    const unsigned char *p = (const unsigned char *)*s;
    for (;;) {
        if (w->status != KG_OK || w->is_closed) {
            while (plain_in[*p] & language) /* the output is lost anyway */
                p++;
            break;
        }
        char *out = w->buffer + w->used, *end = w->buffer + w->capacity;
        while (out < end && (plain_in[*p] & language))
            *out++ = (char)*p++;
        w->used = (size_t)(out - w->buffer);
        if (!(plain_in[*p] & language) || kg_writer_make_room(w) != KG_OK)
            break;
    }
    *s = (const char *)p;
}

/* Writes the plain run at *s, if any, and moves past it; then decodes the
 * code point there (if not at the end) into *cp, returning its length, or
 * 0 at the end of the string. */
static inline size_t next_special(kg_writer *w, const char **s, unsigned language, uint32_t *cp)
{
    copy_plain_run(w, s, language);
    if (!**s)
        return 0;
    /* A sequence is at most 4 bytes; a NUL inside one makes it malformed
     * whether or not the decoder sees past it. */
    return kg_utf8_decode(*s, strnlen(*s, 4), cp);
}

/* The common case in one pass, with no call and no check per byte but
 * one: the opening quote (unless quote is NUL), a string of plain bytes
 * only, the closing quote, all fitting in the buffer. Returns true when
 * that was the case and all is written. Otherwise the opening quote is
 * written and *s moved past the plain bytes copied, and the escaper's
 * general loop goes on from there. */
static inline bool put_plain_string(kg_writer *w, const char **s, unsigned language,
                                    char quote)
{
    if (w->status != KG_OK || w->is_closed || w->capacity - w->used < 2) {
        if (quote)
            kg_putc(w, quote);
        return false;
    }
    char *out = w->buffer + w->used, *end = w->buffer + w->capacity - 1;
    if (quote)
        *out++ = quote;
    const unsigned char *p = (const unsigned char *)*s;
    while (out < end && (plain_in[*p] & language))
        *out++ = (char)*p++;
    bool is_done = *p == '\0';
    if (is_done && quote)
        *out++ = quote; /* end kept a byte for it */
    w->used = (size_t)(out - w->buffer);
    *s = (const char *)p;
    return is_done;
}

/* Graphviz's scanner cannot read a quoted string of 16,384 bytes or more
 * ("longer than 16384?"). A longer one is written as parts joined by DOT's
 * concatenation, "part" +\n"part", which Graphviz reads back as one
 * string; a part ends between two code points, so no UTF-8 sequence or
 * escape is ever cut. */
#define DOT_PART_MAX 16000
_Static_assert(KG_DOT_ONE_PART == DOT_PART_MAX / 3, "export_internal.h says what this is");

/* The bytes that stand for code point cp (its n bytes at s) in a DOT
 * string; returns their count (at most 4) and puts them at out. */
static size_t dot_escape(const char *s, size_t n, uint32_t cp, char out[4])
{
    const char *text;
    if (cp == '"')
        text = "\\\"";
    else if (cp == '\\')
        text = "\\\\";
    else if (cp == '\n')
        text = "\\n";
    else if (cp < 0x20 || cp == 0x7F)
        text = " ";
    else if (cp == 0xFFFE || cp == 0xFFFF || (cp == 0xFFFD && n == 1))
        text = replacement; /* U+FFFE/U+FFFF would make Graphviz's SVG invalid XML */
    else {
        memcpy(out, s, n);
        return n;
    }
    size_t len = strlen(text);
    memcpy(out, text, len);
    return len;
}

/* A string too long for one part: runs of plain bytes (ASCII, one code
 * point each) are copied whole up to the end of the part, the rest one
 * code point at a time. */
static kg_status dot_string_in_parts(kg_writer *w, const char *s)
{
    size_t part = 0;
    kg_putc(w, '"');
    while (*s) {
        size_t run = 0, room = DOT_PART_MAX - part;
        while (run < room && (plain_in[(unsigned char)s[run]] & ESC_DOT))
            run++;
        if (run > 0) {
            kg_put(w, s, run);
            s += run;
            part += run;
        } else {
            uint32_t cp;
            size_t n = kg_utf8_decode(s, strnlen(s, 4), &cp);
            char out[4];
            size_t k = dot_escape(s, n, cp, out);
            if (part + k > DOT_PART_MAX) {
                KG_PUT_LIT(w, "\" +\n\"");
                part = 0;
            }
            kg_put(w, out, k);
            part += k;
            s += n;
        }
        if (part == DOT_PART_MAX && *s) {
            KG_PUT_LIT(w, "\" +\n\"");
            part = 0;
        }
    }
    kg_putc(w, '"');
    return w->status;
}

/* Graphviz reads \" and \\ in quoted strings, and treats \n, \l, \r, \N,
 * \G... in labels as escapes, so every backslash is doubled. Newlines
 * become \n (a centred line break); other control characters a space, and
 * U+FFFE/U+FFFF, which XML forbids, U+FFFD, so Graphviz's SVG stays XML. */
kg_status kg_write_dot_string(kg_writer *w, const char *s)
{
    /* An escape is at most 3 bytes per input byte (a malformed byte becomes
     * U+FFFD): a string that short fits in one part whatever it holds. */
    if (strnlen(s, DOT_PART_MAX / 3) >= DOT_PART_MAX / 3)
        return dot_string_in_parts(w, s);
    if (put_plain_string(w, &s, ESC_DOT, '"'))
        return KG_OK;
    uint32_t cp;
    size_t n;
    while ((n = next_special(w, &s, ESC_DOT, &cp)) > 0) {
        char out[4];
        kg_put(w, out, dot_escape(s, n, cp, out));
        s += n;
    }
    kg_putc(w, '"');
    return w->status;
}

/* XML 1.0 allows tab, LF, CR and U+0020..U+D7FF, U+E000..U+FFFD and above;
 * anything else cannot appear even as a character reference. */
static bool xml_allows(uint32_t cp)
{
    if (cp < 0x20)
        return cp == '\t' || cp == '\n' || cp == '\r';
    return cp != 0xFFFE && cp != 0xFFFF;
}

/* Safe both in element text and in double- or single-quoted attributes:
 * tab, LF and CR are written as references so attribute-value
 * normalisation cannot turn them into spaces. */
kg_status kg_write_xml_text(kg_writer *w, const char *s)
{
    if (put_plain_string(w, &s, ESC_XML, '\0'))
        return KG_OK;
    uint32_t cp;
    size_t n;
    while ((n = next_special(w, &s, ESC_XML, &cp)) > 0) {
        switch (cp) {
        case '&': KG_PUT_LIT(w, "&amp;"); break;
        case '<': KG_PUT_LIT(w, "&lt;"); break;
        case '>': KG_PUT_LIT(w, "&gt;"); break;
        case '"': KG_PUT_LIT(w, "&quot;"); break;
        case '\'': KG_PUT_LIT(w, "&apos;"); break;
        case '\t': KG_PUT_LIT(w, "&#9;"); break;
        case '\n': KG_PUT_LIT(w, "&#10;"); break;
        case '\r': KG_PUT_LIT(w, "&#13;"); break;
        default:
            if (xml_allows(cp))
                put_code_point(w, s, n, cp);
            else
                kg_put(w, replacement, 3);
        }
        s += n;
    }
    return w->status;
}

static void json_escape_code_point(kg_writer *w, uint32_t cp)
{
    switch (cp) {
    case '"': KG_PUT_LIT(w, "\\\""); break;
    case '\\': KG_PUT_LIT(w, "\\\\"); break;
    case '\n': KG_PUT_LIT(w, "\\n"); break;
    case '\r': KG_PUT_LIT(w, "\\r"); break;
    case '\t': KG_PUT_LIT(w, "\\t"); break;
    case '\b': KG_PUT_LIT(w, "\\b"); break;
    case '\f': KG_PUT_LIT(w, "\\f"); break;
    default: kg_writer_printf(w, "\\u%04x", (unsigned)cp);
    }
}

/* in_script: also escape what could end or confuse an HTML <script>
 * element or a JavaScript string (<, >, &, U+2028, U+2029). */
static kg_status json_string(kg_writer *w, const char *s, bool in_script)
{
    unsigned language = in_script ? ESC_SCRIPT : ESC_JSON;
    if (put_plain_string(w, &s, language, '"'))
        return KG_OK;
    uint32_t cp;
    size_t n;
    while ((n = next_special(w, &s, language, &cp)) > 0) {
        bool is_html_special = cp == '<' || cp == '>' || cp == '&' ||
                               cp == 0x2028 || cp == 0x2029;
        bool is_noncharacter = cp == 0xFFFE || cp == 0xFFFF; /* XML forbids them */
        if (cp < 0x20 || cp == '"' || cp == '\\' || cp == 0x7F || is_noncharacter ||
            (in_script && is_html_special))
            json_escape_code_point(w, cp);
        else
            put_code_point(w, s, n, cp);
        s += n;
    }
    kg_putc(w, '"');
    return w->status;
}

size_t kg_dot_json_plain_len(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned both = ESC_DOT | ESC_JSON;
    while ((plain_in[*p] & both) == both)
        p++;
    return *p ? SIZE_MAX : (size_t)(p - (const unsigned char *)s);
}

kg_status kg_write_json_string(kg_writer *w, const char *s)
{
    return json_string(w, s, false);
}

kg_status kg_write_json_string_for_script(kg_writer *w, const char *s)
{
    return json_string(w, s, true);
}

/* Cypher and N-Triples/Turtle strings share their backslash escapes
 * (\t \b \n \r \f \\ and the quote); any other control character is written
 * as \u00XX so the literal stays on one line and survives copy and paste.
 * backslash: how a backslash itself is written. */
static kg_status backslash_string(kg_writer *w, const char *s, char quote, const char *backslash,
                                  unsigned language)
{
    if (put_plain_string(w, &s, language, quote))
        return KG_OK;
    size_t len = strlen(s);
    while (len > 0) {
        uint32_t cp;
        size_t n = kg_utf8_decode(s, len, &cp);
        switch (cp) {
        case '\\': kg_writer_puts(w, backslash); break;
        case '\n': KG_PUT_LIT(w, "\\n"); break;
        case '\r': KG_PUT_LIT(w, "\\r"); break;
        case '\t': KG_PUT_LIT(w, "\\t"); break;
        case '\b': KG_PUT_LIT(w, "\\b"); break;
        case '\f': KG_PUT_LIT(w, "\\f"); break;
        default:
            if (cp == (uint32_t)quote) {
                kg_putc(w, '\\');
                kg_putc(w, quote);
            } else if (cp < 0x20 || cp == 0x7F) {
                kg_writer_printf(w, "\\u%04X", (unsigned)cp);
            } else {
                put_code_point(w, s, n, cp);
            }
        }
        s += n;
        len -= n;
    }
    kg_putc(w, quote);
    return w->status;
}

kg_status kg_write_cypher_string(kg_writer *w, const char *s)
{
    return backslash_string(w, s, '\'', "\\\\", ESC_CYPHER);
}

/* A backslash is written \u005C rather than \\: both are N-Triples and
 * Turtle, but readers that undo escapes one kind at a time (rdflib 6's
 * N-Triples reader replaces \r before \\) misread "\\r" and not "\u005Cr". */
kg_status kg_write_ntriples_string(kg_writer *w, const char *s)
{
    return backslash_string(w, s, '"', "\\u005C", ESC_NTRIPLES);
}

/* Always quoted, so commas, quotes and line breaks stay inside the field
 * (neo4j-admin needs --multiline-fields=true for the last). */
kg_status kg_write_csv_field(kg_writer *w, const char *s)
{
    if (put_plain_string(w, &s, ESC_CSV, '"'))
        return KG_OK;
    size_t len = strlen(s);
    while (len > 0) {
        uint32_t cp;
        size_t n = kg_utf8_decode(s, len, &cp);
        if (cp == '"')
            KG_PUT_LIT(w, "\"\"");
        else
            put_code_point(w, s, n, cp);
        s += n;
        len -= n;
    }
    kg_putc(w, '"');
    return w->status;
}
