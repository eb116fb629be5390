/* commands.c - the table of kg commands, in the order `kg --help` lists
 * them. Adding a command: write cmd_<name>.c, declare it in commands.h,
 * add a row here, document it in README.md and docs/cli.md. */
#include "commands.h"

const kg_command kg_commands[] = {
    {"build", kg_cmd_build, "build exports (DOT, GraphML, JSON, SVG, HTML, ...) from data sets",
     kg_usage_build},
    {"validate", kg_cmd_validate, "check data sets against their schema",
     kg_usage_validate},
    {"verify", kg_cmd_verify, "check every evidence quote against its source text",
     kg_usage_verify},
    {"extract", kg_cmd_extract, "propose candidate entities and relations, with quotes, from texts",
     kg_usage_extract},
    {"review", kg_cmd_review, "write an HTML page to accept, reject and fix extracted candidates",
     kg_usage_review},
    {"merge", kg_cmd_merge, "add reviewed (accepted) candidates to a data set",
     kg_usage_merge},
    {"ingest", kg_cmd_ingest, "stream large TSV / JSON Lines node and edge lists into exports",
     kg_usage_ingest},
    {"convert", kg_cmd_convert, "read GraphML, DOT, node-link JSON or CSV/TSV; write any export",
     kg_usage_convert},
    {"centrality", kg_cmd_centrality, "rank entities by degree, betweenness, PageRank ...",
     kg_usage_centrality},
    {"path", kg_cmd_path, "shortest chains of relations between two entities, with evidence",
     kg_usage_path},
    {"neighbours", kg_cmd_neighbours, "entities within K relations of some entities",
     kg_usage_neighbours},
    {"subgraph", kg_cmd_subgraph, "write a selection or ego network in any export format",
     kg_usage_subgraph},
    {"diagram", kg_cmd_diagram, "draw a readable view: ego network, path, chain, top, overview",
     kg_usage_diagram},
    {"components", kg_cmd_components, "weakly or strongly connected components",
     kg_usage_components},
    {"communities", kg_cmd_communities, "Louvain or Leiden communities (seeded)",
     kg_usage_communities},
};

const size_t kg_command_count = sizeof kg_commands / sizeof kg_commands[0];
