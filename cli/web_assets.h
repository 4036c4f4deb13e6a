/*
 * The caseworker page's files (cli/web/), compiled into the binary by
 * cmake/embed_web.cmake: `rfy serve` reads no file after it starts, and the
 * page loads nothing from elsewhere.
 */
#ifndef RFY_WEB_ASSETS_H
#define RFY_WEB_ASSETS_H

#include <stddef.h>

typedef struct web_asset {
    const char *path;         /* "/index.html" */
    const char *content_type; /* "text/html; charset=utf-8" */
    const char *data;
    size_t len;
} web_asset;

/* Every file, ended by an entry with a NULL path (generated). */
extern const web_asset web_assets[];

/* The file served at URL path `path` ("/" is "/index.html"), or NULL. */
const web_asset *web_asset_find(const char *path);

#endif
