/* Internal to calc/: bytes as lowercase hex, for the hashes the engine
 * reports (rates_id, the input's and the column map's SHA-256). */
#ifndef RFY_CALC_HEX_H
#define RFY_CALC_HEX_H

#include <stddef.h>

/* out = the n bytes as 2n lowercase hex digits and a NUL.
 * Precondition: out has room for 2n + 1 bytes. */
void rfy__hex(char *out, const unsigned char *bytes, size_t n);

#endif
