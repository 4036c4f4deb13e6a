/* Lookup of the embedded page files (the table is generated: cmake/embed_web.cmake). */
#include <string.h>

#include "web_assets.h"

const web_asset *web_asset_find(const char *path)
{
    if (strcmp(path, "/") == 0)
        path = "/index.html";
    for (const web_asset *a = web_assets; a->path; a++)
        if (strcmp(a->path, path) == 0)
            return a;
    return NULL;
}
