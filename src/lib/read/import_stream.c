/* import_stream.c - reading a file with a streaming importer: the file is
 * read in chunks as the parser asks, so neither the document nor a copy of
 * it is ever held, and the input size limit gives way to the node and edge
 * limits unless the caller set one (docs/import.md, "Limits"). */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "import_internal.h"

bool kg_import_streams(kg_import_format format)
{
    return format == KG_IMPORT_JSON || format == KG_IMPORT_GRAPHML ||
           format == KG_IMPORT_CYTOSCAPE;
}

static kg_status open_input(const char *path, size_t max_bytes, FILE **out, kg_error *err)
{
    FILE *f = fopen(path, "rb");
    *out = NULL;
    if (!f)
        return kg_error_set(err, KG_EIO, path, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
        kg_status s = kg_error_set(err, KG_EIO, path, "cannot read: %s",
                                   S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
        fclose(f);
        return s;
    }
    if (max_bytes && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max_bytes) {
        kg_error_set(err, KG_ELIMIT, path, "file is %ju bytes, over the limit of %zu",
                     (uintmax_t)st.st_size, max_bytes);
        snprintf(err->hint, sizeof err->hint, "raise it with --max-input-size");
        fclose(f);
        return KG_ELIMIT;
    }
    *out = f;
    return KG_OK;
}

kg_status kg_import_stream_file(const char *path, const kg_import_options *o, kg_graph **out,
                                kg_diagnostics *diags)
{
    *out = NULL;
    kg_error err;
    kg_error_clear(&err);
    FILE *f = NULL;
    kg_status st = open_input(path, o->max_bytes, &f, &err);
    if (st != KG_OK) {
        if (diags)
            kg_diagnostics_add(diags, &err);
        return st;
    }
    kg_importer im;
    st = kg_imp_init(&im, path, o, diags);
    if (st == KG_OK)
        st = o->format == KG_IMPORT_GRAPHML     ? kg_graphml_import_file(&im, f)
             : o->format == KG_IMPORT_CYTOSCAPE ? kg_cytoscape_import_file(&im, f)
                                                : kg_node_link_import_file(&im, f);
    fclose(f);
    return kg_import_end(&im, st, out);
}
