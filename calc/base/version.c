/* rfy_version(): the version the library was built as (rfy/version.h). */
#include <rfy/version.h>

const char *rfy_version(void)
{
    return RFY_VERSION;
}
