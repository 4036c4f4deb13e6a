/* Reading an input again (input_reread.h). */
#include <stdlib.h>
#include <sys/stat.h>

#include "input_reread.h"
#include <rfy/status.h>

int input_again_possible(FILE *raw)
{
    struct stat st;
    return raw && fstat(fileno(raw), &st) == 0 && S_ISREG(st.st_mode);
}

FILE *input_again_open(input_again *a)
{
    char sep = 0, *msg = NULL;
    input_encoding used;
    input_decode_close(*a->dec);
    *a->dec = NULL;
    *a->in = NULL;
    if (fseeko(a->raw, 0, SEEK_SET) != 0)
        return NULL;
    clearerr(a->raw);
    /* the receipt names the hash of the bytes read in the final pass: all of them */
    receipt_hash_clear(a->hash);
    if (receipt_hash_init(a->hash) != RFY_OK ||
        input_decode_open(a->dec, a->in, &sep, &used, a->raw, a->enc, receipt_hash_tap, a->hash,
                          &msg) != RFY_OK) {
        free(msg);
        return NULL;
    }
    return *a->in;
}
