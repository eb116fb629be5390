/* date.c - ISO 8601 calendar dates at year, month or day precision, as the
 * texts give them ("2003", "March 2003" = "2003-03"), and the interval test
 * behind "the graph as of a date". */
#include "kg/graph.h"

#include <stdio.h>
#include <string.h>

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* Reads exactly n decimal digits. */
static bool read_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

kg_status kg_date_parse(const char *text, kg_date *out)
{
    kg_date d = {0, 0, 0, KG_DATE_NONE};
    *out = d;
    size_t len = strlen(text);
    int year, month = 0, day = 0;
    if (len != 4 && len != 7 && len != 10)
        return KG_EINPUT;
    if (!read_digits(text, 4, &year) || year < 1)
        return KG_EINPUT;
    if (len >= 7 && (text[4] != '-' || !read_digits(text + 5, 2, &month) ||
                     month < 1 || month > 12))
        return KG_EINPUT;
    if (len == 10 && (text[7] != '-' || !read_digits(text + 8, 2, &day) ||
                      day < 1 || day > days_in_month(year, month)))
        return KG_EINPUT;
    d.year = (int16_t)year;
    d.month = (uint8_t)month;
    d.day = (uint8_t)day;
    d.precision = len == 4 ? KG_DATE_YEAR : len == 7 ? KG_DATE_MONTH : KG_DATE_DAY;
    *out = d;
    return KG_OK;
}

/* Writes value as `width` decimal digits, zero-padded. */
static char *put_digits(char *out, unsigned value, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

char *kg_date_format(kg_date date, char *out)
{
    /* Clamp so a corrupt value cannot overflow out. Digits by hand, not
     * snprintf: exporters format every date of million-edge graphs. */
    unsigned year = (unsigned)date.year % 10000u, month = date.month % 100u,
             day = date.day % 100u;
    char *p = out;
    if (date.precision >= KG_DATE_YEAR && date.precision <= KG_DATE_DAY)
        p = put_digits(p, year, 4);
    if (date.precision >= KG_DATE_MONTH && date.precision <= KG_DATE_DAY) {
        *p++ = '-';
        p = put_digits(p, month, 2);
    }
    if (date.precision == KG_DATE_DAY) {
        *p++ = '-';
        p = put_digits(p, day, 2);
    }
    *p = '\0';
    return out;
}

int32_t kg_date_first_day(kg_date date)
{
    if (date.precision == KG_DATE_NONE)
        return 0;
    int month = date.precision >= KG_DATE_MONTH ? date.month : 1;
    int day = date.precision == KG_DATE_DAY ? date.day : 1;
    return date.year * 10000 + month * 100 + day;
}

int32_t kg_date_last_day(kg_date date)
{
    if (date.precision == KG_DATE_NONE)
        return 0;
    int month = date.precision >= KG_DATE_MONTH ? date.month : 12;
    int day = date.precision == KG_DATE_DAY ? date.day
                                            : days_in_month(date.year, month);
    return date.year * 10000 + month * 100 + day;
}

bool kg_date_interval_contains(kg_date start, kg_date end, int32_t on)
{
    if (start.precision != KG_DATE_NONE && on < kg_date_first_day(start))
        return false;
    if (end.precision != KG_DATE_NONE && on > kg_date_last_day(end))
        return false;
    return true;
}
