/* rfy_version(): the version the library was built as (rfy_version.h). */
#include "rfy_version.h"

const char *rfy_version(void)
{
    return RFY_VERSION;
}
