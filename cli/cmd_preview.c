/* rfy preview: not built yet (placeholder so the command exists). */
#include <stdio.h>

#include "cli.h"

int cmd_preview(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "rfy preview: not implemented yet\n");
    return RFY_EXIT_USAGE;
}
