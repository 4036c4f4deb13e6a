/* Names of result codes. */
#include <rfy/status.h>

const char *rfy_rc_name(int rc)
{
    switch (rc) {
    case RFY_OK: return "ok";
    case RFY_EINPUT: return "bad input";
    case RFY_ENORATE: return "no rate for the month";
    case RFY_ECOVERAGE: return "month outside the law's coverage";
    case RFY_ERATES: return "invalid rate table";
    case RFY_EIO: return "input/output error";
    case RFY_ENOMEM: return "out of memory";
    case RFY_ECSV: return "malformed CSV";
    case RFY_ESTOP: return "stopped";
    default: return "unknown error";
    }
}
