/* viewer_assets.h - the HTML viewer's files (src/viewer/), compiled into
 * libkg as byte arrays by scripts/embed.cmake (the generated
 * viewer_assets.c). Each array is NUL-terminated; the _size excludes the NUL.
 */
#ifndef KG_VIEWER_ASSETS_H
#define KG_VIEWER_ASSETS_H

#include <stddef.h>

/* KG_ASSET(name) declares the bytes `name` and their count `name_size`. */
#define KG_ASSET(name)                  \
    extern const unsigned char name[];  \
    extern const size_t name##_size

KG_ASSET(kg_viewer_template); /* template.html */
KG_ASSET(kg_viewer_css);      /* viewer.css */
/* The viewer's script, one file per concern, joined in this order. */
KG_ASSET(kg_viewer_js_dom);     /* dom.js */
KG_ASSET(kg_viewer_js_dates);   /* dates.js */
KG_ASSET(kg_viewer_js_styles);  /* styles.js */
KG_ASSET(kg_viewer_js_panel);   /* panel.js */
KG_ASSET(kg_viewer_js_picture); /* picture.js */
KG_ASSET(kg_viewer_js_app);     /* app.js */
KG_ASSET(kg_viewer_cytoscape);  /* vendor/cytoscape.min.js */

/* The review page (kg review): its own template, style sheet and script. */
KG_ASSET(kg_review_template); /* review.html */
KG_ASSET(kg_review_css);      /* review.css */
KG_ASSET(kg_review_js);       /* review.js */

#endif
