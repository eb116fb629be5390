/* kg/version.h - libkg's version. */
#ifndef KG_VERSION_H
#define KG_VERSION_H

#ifdef __cplusplus
extern "C" {
#endif

#define KG_VERSION "0.1.0"

/* KG_VERSION of the library linked, which may differ from the header's. */
const char *kg_version(void);

#ifdef __cplusplus
}
#endif
#endif
