/* JSON Lines from typed cells (write_json.h). */
#include <string.h>

#include "write_json.h"

typedef struct out {
    char *p, *end;
    int fail;
} out;

static void put(out *o, const char *s, size_t n)
{
    if ((size_t)(o->end - o->p) < n) {
        o->fail = 1;
        return;
    }
    memcpy(o->p, s, n);
    o->p += n;
}

/* A JSON string: '"' and '\' escaped, control bytes as \u00XX; UTF-8 as it is. */
static void string(out *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    put(o, "\"", 1);
    for (size_t i = 0; i < n && !o->fail; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\') {
            char e[2] = {'\\', (char)ch};
            put(o, e, 2);
        } else if (ch < 0x20) {
            char e[6] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15]};
            put(o, e, 6);
        } else {
            put(o, s + i, 1);
        }
    }
    put(o, "\"", 1);
}

static void value(out *o, const rfy_cell *cell)
{
    if (cell->len == 0)
        put(o, "null", 4);
    else if (cell->kind == RFY_CELL_WHOLE)
        put(o, cell->text, cell->len); /* digits */
    else
        string(o, cell->text, cell->len);
}

int write_json_row(char *buf, size_t size, const rfy_cells *c, const char *const *names,
                   size_t nnames)
{
    out o = {buf, buf + size, 0};
    size_t n;
    const rfy_cell *cell = rfy_cells_all(c, &n);
    if (n == 2 && cell[0].column == RFY_COL_FIGURE_NAME) { /* audit's summary figure */
        put(&o, "{\"figure\":", 10);
        string(&o, cell[0].text, cell[0].len);
        put(&o, ",\"value\":", 9);
        value(&o, &cell[1]);
    } else {
        for (size_t i = 0; i < n; i++) {
            const char *name = i < nnames ? names[i] : "";
            put(&o, i ? "," : "{", 1);
            string(&o, name, strlen(name));
            put(&o, ":", 1);
            value(&o, &cell[i]);
        }
        if (n == 0)
            put(&o, "{", 1);
    }
    put(&o, "}\n", 2);
    return o.fail ? -1 : (int)(o.p - buf);
}
