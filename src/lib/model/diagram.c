/* diagram.c - the kg_diagram a view fills and a drawing reads
 * (kg/diagram.h): only freeing it lives here, so that the analysis stage
 * (the views) and the export stage (the drawing) share it. */
#include <stdlib.h>
#include <string.h>

#include "kg/diagram.h"

void kg_diagram_clear(kg_diagram *d)
{
    if (!d)
        return;
    kg_graph_free(d->graph);
    free(d->is_centre);
    for (size_t i = 0; d->group_names && i < d->group_count; i++)
        free(d->group_names[i]);
    free(d->group_names);
    free(d->group_sizes);
    free(d->node_group);
    free(d->links);
    memset(d, 0, sizeof *d);
}
