/* Rate table files as bytes: read a set, write a set whole (rates_files.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "cli.h"
#include "rates_files.h"

/* The loader's rule for a table file name (rates_load.c): "*.csv", not hidden. */
static int is_table_name(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && strcmp(s + n - 4, ".csv") == 0 && s[0] != '.';
}

static int add(rates_files *f, const char *name, char *text, size_t len)
{
    char **nn = realloc(f->names, (f->n + 1) * sizeof *nn);
    char **tt = nn ? realloc(f->texts, (f->n + 1) * sizeof *tt) : NULL;
    size_t *ll = tt ? realloc(f->lens, (f->n + 1) * sizeof *ll) : NULL;
    if (nn)
        f->names = nn;
    if (tt)
        f->texts = tt;
    if (ll)
        f->lens = ll;
    if (!ll || !(f->names[f->n] = strdup(name))) {
        free(text);
        return -1;
    }
    f->texts[f->n] = text;
    f->lens[f->n++] = len;
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL, *p;
    size_t cap = 0, got;
    *len = 0;
    if (!fp)
        return NULL;
    for (;;) {
        if (*len == cap) {
            cap = cap ? cap * 2 : 65536;
            if (cap > (32u << 20) || !(p = realloc(buf, cap)))
                break;
            buf = p;
        }
        got = fread(buf + *len, 1, cap - *len, fp);
        *len += got;
        if (got == 0) {
            if (!ferror(fp)) {
                fclose(fp);
                return buf ? buf : malloc(1);
            }
            break;
        }
    }
    free(buf);
    fclose(fp);
    return NULL;
}

int rates_files_read(rates_files *f, const char *dir, const char *cmd)
{
    memset(f, 0, sizeof *f);
    if (!dir) {
        for (size_t i = 0; i < rfy_rates_builtin_count(); i++) {
            const char *name, *text;
            size_t len;
            char *copy;
            rfy_rates_builtin_file(i, &name, &text, &len);
            if (!(copy = malloc(len ? len : 1)) || (memcpy(copy, text, len), add(f, name, copy, len))) {
                cli_say(cmd, RFY_MSG_OUT_OF_MEMORY);
                rates_files_free(f);
                return -1;
            }
        }
        return 0;
    }
    DIR *d = opendir(dir);
    struct dirent *e;
    if (!d) {
        cli_say(cmd, RFY_MSG_RATES_DIR_OPEN, dir, cli_errno(errno));
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t m, len;
        char *path, *text;
        if (!is_table_name(e->d_name))
            continue;
        m = strlen(dir) + strlen(e->d_name) + 2;
        if (!(path = malloc(m)))
            break;
        snprintf(path, m, "%s/%s", dir, e->d_name);
        errno = 0;
        text = slurp(path, &len);
        if (!text || add(f, e->d_name, text, len)) {
            cli_say(cmd, RFY_MSG_CANNOT_READ, path, cli_errno(errno ? errno : EIO));
            free(path);
            closedir(d);
            rates_files_free(f);
            return -1;
        }
        free(path);
    }
    closedir(d);
    return 0;
}

void rates_files_free(rates_files *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->names[i]);
        free(f->texts[i]);
    }
    free(f->names);
    free(f->texts);
    free(f->lens);
    memset(f, 0, sizeof *f);
}

int rates_files_write(const char *cmd, const char *dir, size_t n, const char *const *names,
                      const char *const *texts, const size_t *lens)
{
    atomic_file *files = calloc(n ? n : 1, sizeof *files);
    char **paths = calloc(n ? n : 1, sizeof *paths);
    char *msg = NULL;
    size_t i, opened = 0;
    int rc = -1;

    if (!files || !paths) {
        cli_say(cmd, RFY_MSG_OUT_OF_MEMORY);
        goto done;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        cli_say(cmd, RFY_MSG_CANNOT_CREATE, dir, cli_errno(errno));
        goto done;
    }
    for (i = 0; i < n; i++) {
        size_t m = strlen(dir) + strlen(names[i]) + 2;
        struct stat sb;
        if (!(paths[i] = malloc(m))) {
            cli_say(cmd, RFY_MSG_OUT_OF_MEMORY);
            goto undo;
        }
        snprintf(paths[i], m, "%s/%s", dir, names[i]);
        if (stat(paths[i], &sb) == 0) {
            cli_say(cmd, RFY_MSG_RATES_EXISTS, paths[i]);
            goto undo;
        }
        if (atomic_file_open(&files[i], paths[i], &msg) != RFY_OK) {
            fprintf(stderr, "rfy %s: %s\n", cmd, msg ? msg : paths[i]);
            goto undo;
        }
        opened = i + 1;
        if (fwrite(texts[i], 1, lens[i], files[i].fp) != lens[i] ||
            atomic_file_finish(&files[i], &msg) != RFY_OK) {
            fprintf(stderr, "rfy %s: %s\n", cmd, msg ? msg : paths[i]);
            goto undo;
        }
    }
    for (i = 0; i < n; i++)
        if (atomic_file_rename(&files[i], &msg) != RFY_OK) {
            fprintf(stderr, "rfy %s: %s\n", cmd, msg ? msg : paths[i]);
            goto undo;
        }
    for (i = 0; i < n; i++)
        atomic_file_close(&files[i]);
    rc = 0;
    goto done;
undo:
    for (i = 0; i < opened; i++)
        atomic_file_abort(&files[i]);
done:
    for (i = 0; paths && i < n; i++)
        free(paths[i]);
    free(paths);
    free(files);
    free(msg);
    return rc;
}
