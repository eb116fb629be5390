/* viewer_assets.h - the HTML viewer's files (src/viewer/), compiled into
 * libkg as byte arrays by scripts/embed.cmake (the generated
 * viewer_assets.c). Each array is NUL-terminated; the _size excludes the NUL.
 */
#ifndef KG_VIEWER_ASSETS_H
#define KG_VIEWER_ASSETS_H

#include <stddef.h>

extern const unsigned char kg_viewer_template[];   /* template.html */
extern const size_t kg_viewer_template_size;
extern const unsigned char kg_viewer_css[];        /* viewer.css */
extern const size_t kg_viewer_css_size;
/* The viewer's script, one file per concern, joined in this order. */
extern const unsigned char kg_viewer_js_dom[];     /* dom.js */
extern const size_t kg_viewer_js_dom_size;
extern const unsigned char kg_viewer_js_dates[];   /* dates.js */
extern const size_t kg_viewer_js_dates_size;
extern const unsigned char kg_viewer_js_styles[];  /* styles.js */
extern const size_t kg_viewer_js_styles_size;
extern const unsigned char kg_viewer_js_panel[];   /* panel.js */
extern const size_t kg_viewer_js_panel_size;
extern const unsigned char kg_viewer_js_picture[]; /* picture.js */
extern const size_t kg_viewer_js_picture_size;
extern const unsigned char kg_viewer_js_app[];     /* app.js */
extern const size_t kg_viewer_js_app_size;
extern const unsigned char kg_viewer_cytoscape[];  /* vendor/cytoscape.min.js */
extern const size_t kg_viewer_cytoscape_size;

/* The review page (kg review): its own template, style sheet and script. */
extern const unsigned char kg_review_template[];   /* review.html */
extern const size_t kg_review_template_size;
extern const unsigned char kg_review_css[];        /* review.css */
extern const size_t kg_review_css_size;
extern const unsigned char kg_review_js[];         /* review.js */
extern const size_t kg_review_js_size;

#endif
