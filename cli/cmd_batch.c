/* rfy batch: not built yet (placeholder so the command exists). */
#include <stdio.h>

#include "cli.h"

int cmd_batch(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "rfy batch: not implemented yet\n");
    return RFY_EXIT_USAGE;
}
