/* version.c - the library's version (kg --version). */
#include "kg/version.h"

const char *kg_version(void)
{
    return KG_VERSION;
}
