/* fault_check.h */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault_check.h"

void fault_check(const char *file, int line, const rfy_error *err, const char *codes,
                 const char *text)
{
    char got_codes[512], got_text[4096];
    rfy_error_codes(got_codes, sizeof got_codes, err);
    rfy_error_text(got_text, sizeof got_text, err, RFY_LANG_DA);
    if (getenv("RFY_FAULT_RECORD")) { /* rewriting expectations after a change of wording */
        FILE *fp = fopen(getenv("RFY_FAULT_RECORD"), "a");
        if (fp) {
            fprintf(fp, "%d\t\t%s\t%s\n", line, got_codes, got_text);
            fclose(fp);
        }
        return;
    }
    ck_assert_msg(strcmp(got_codes, codes) == 0, "%s:%d: codes \"%s\", expected \"%s\"", file, line,
                  got_codes, codes);
    ck_assert_msg(strcmp(got_text, text) == 0, "%s:%d: text \"%s\", expected \"%s\"", file, line,
                  got_text, text);
}
