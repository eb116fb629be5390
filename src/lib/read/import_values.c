/* import_values.c - typed values for the importers: checking and writing
 * numbers and booleans in the canonical text kg stores (JSON grammar, so
 * exporters can write them as they are), without strtod, whose decimal
 * point follows the locale; and inferring a type for formats that have
 * none (DOT, CSV) without ever changing the text. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import_values.h"
#include "internal.h"

static const char *digits(const char *s)
{
    while (*s >= '0' && *s <= '9')
        s++;
    return s;
}

bool kg_imp_is_int64(const char *s)
{
    bool is_integer;
    if (!kg_json_number(s, &is_integer) || !is_integer)
        return false;
    const char *d = s[0] == '-' ? s + 1 : s;
    size_t n = strlen(d);
    const char *limit = s[0] == '-' ? "9223372036854775808" : "9223372036854775807";
    return n < 19 || (n == 19 && strcmp(d, limit) <= 0);
}

/* Copies s without leading and trailing white space into buf. */
static bool trim_copy(const char *s, char *buf, size_t size)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (n + 3 > size) /* room for a ".0" added later */
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return true;
}

static bool convert_boolean(char *buf, size_t size)
{
    if (strcasecmp(buf, "true") == 0 || strcmp(buf, "1") == 0)
        snprintf(buf, size, "true");
    else if (strcasecmp(buf, "false") == 0 || strcmp(buf, "0") == 0)
        snprintf(buf, size, "false");
    else
        return false;
    return true;
}

/* "+7", "007", "-0" -> "7", "7", "0". */
static bool convert_integer(char *buf)
{
    char *p = buf;
    bool is_negative = *p == '-';
    if (*p == '+' || *p == '-')
        p++;
    if (*p == '\0' || *digits(p) != '\0')
        return false;
    while (p[0] == '0' && p[1] != '\0')
        p++;
    size_t n = strlen(p);
    if (n > 20)
        return false;
    if (is_negative && strcmp(p, "0") != 0) /* p is past buf's '-': moving left is safe */
        memmove(buf + 1, p, n + 1);
    else
        memmove(buf, p, n + 1);
    return kg_imp_is_int64(buf);
}

/* XSD/C spellings of a finite real ("+.5", "1.", "007e3") rewritten in
 * JSON grammar with a '.' or exponent ("0.5", "1.0", "7e3"). */
static bool convert_real(char *buf, size_t size)
{
    char out[512];
    const char *p = buf;
    size_t n = 0;
    if (strlen(buf) + 4 > sizeof out)
        return false;
    if (*p == '-')
        out[n++] = *p++;
    else if (*p == '+')
        p++;
    const char *int_end = digits(p), *frac = NULL, *frac_end = NULL;
    const char *int_start = p;
    while (int_start + 1 < int_end && *int_start == '0')
        int_start++;
    p = int_end;
    if (*p == '.') {
        frac = p + 1;
        frac_end = digits(frac);
        p = frac_end;
    }
    if (int_end == int_start && (!frac || frac_end == frac))
        return false; /* no digits at all */
    if (int_end == int_start)
        out[n++] = '0';
    memcpy(out + n, int_start, (size_t)(int_end - int_start));
    n += (size_t)(int_end - int_start);
    out[n++] = '.';
    if (frac && frac_end > frac) {
        memcpy(out + n, frac, (size_t)(frac_end - frac));
        n += (size_t)(frac_end - frac);
    } else {
        out[n++] = '0';
    }
    if (*p == 'e' || *p == 'E') {
        out[n++] = *p++;
        if (*p == '+' || *p == '-')
            out[n++] = *p++;
        const char *q = digits(p);
        if (q == p)
            return false;
        memcpy(out + n, p, (size_t)(q - p));
        n += (size_t)(q - p);
        p = q;
    }
    if (*p != '\0' || n + 1 > size)
        return false;
    out[n] = '\0';
    memcpy(buf, out, n + 1);
    return kg_json_number(buf, NULL);
}

static bool is_nonfinite(const char *s)
{
    if (*s == '+' || *s == '-')
        s++;
    return strcasecmp(s, "inf") == 0 || strcasecmp(s, "infinity") == 0 ||
           strcasecmp(s, "nan") == 0;
}

bool kg_imp_convert(const char *text, kg_imp_type type, char *buf, size_t size,
                    kg_value_kind *kind, bool *nonfinite)
{
    *nonfinite = false;
    if (type == KG_IMP_STRING) {
        *kind = KG_VALUE_STRING;
        return true; /* callers keep the text itself */
    }
    static const char *const names[] = {"string", "boolean", "integer", "number"};
    bool ok = trim_copy(text, buf, size);
    if (ok && type == KG_IMP_BOOLEAN) {
        *kind = KG_VALUE_BOOLEAN;
        ok = convert_boolean(buf, size);
    } else if (ok && type == KG_IMP_INTEGER) {
        *kind = KG_VALUE_INTEGER;
        ok = convert_integer(buf);
    } else if (ok && is_nonfinite(buf)) {
        *kind = KG_VALUE_STRING;
        *nonfinite = true;
    } else if (ok) {
        bool is_integer = true;
        *kind = KG_VALUE_REAL;
        if (!kg_json_number(buf, &is_integer) || is_integer)
            ok = convert_real(buf, size); /* kept as written when already canonical */
    }
    if (!ok) {
        char shown[64];
        snprintf(shown, sizeof shown, "%.40s%s", text, strlen(text) > 40 ? "..." : "");
        snprintf(buf, size, "expected %s %s, found '%s'",
                 type == KG_IMP_INTEGER ? "an" : "a", names[type], shown);
    }
    return ok;
}

void kg_imp_infer_init(kg_imp_infer *inf)
{
    *inf = (kg_imp_infer){false, true, true, true};
}

void kg_imp_infer_add(kg_imp_infer *inf, const char *text)
{
    bool is_integer = false;
    bool is_number = kg_json_number(text, &is_integer);
    inf->is_seen = true;
    inf->can_boolean = inf->can_boolean && (strcmp(text, "true") == 0 || strcmp(text, "false") == 0);
    inf->can_integer = inf->can_integer && is_integer && kg_imp_is_int64(text);
    inf->can_real = inf->can_real && is_number;
}

kg_imp_type kg_imp_infer_result(const kg_imp_infer *inf)
{
    if (!inf->is_seen)
        return KG_IMP_STRING;
    if (inf->can_boolean)
        return KG_IMP_BOOLEAN;
    if (inf->can_integer)
        return KG_IMP_INTEGER;
    if (inf->can_real)
        return KG_IMP_REAL;
    return KG_IMP_STRING;
}
