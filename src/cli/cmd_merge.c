/* cmd_merge.c - `kg merge`: add reviewed candidates to a data set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

const char kg_usage_merge[] =
    "Usage: kg merge BASE CANDIDATES... -o OUT [--all]\n";

int kg_cmd_merge(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return KG_EXIT_USAGE;
}
