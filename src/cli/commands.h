/* commands.h - the entry point of every kg command (one cmd_<name>.c each)
 * and the table main.c dispatches on. Keep both lists in the same order. */
#ifndef KG_CLI_COMMANDS_H
#define KG_CLI_COMMANDS_H

#include "cli.h"

int kg_cmd_build(int argc, char **argv);
int kg_cmd_validate(int argc, char **argv);
int kg_cmd_verify(int argc, char **argv);
int kg_cmd_convert(int argc, char **argv);
int kg_cmd_ingest(int argc, char **argv);
int kg_cmd_centrality(int argc, char **argv);
int kg_cmd_path(int argc, char **argv);
int kg_cmd_neighbours(int argc, char **argv);
int kg_cmd_subgraph(int argc, char **argv);
int kg_cmd_diagram(int argc, char **argv);
int kg_cmd_components(int argc, char **argv);
int kg_cmd_communities(int argc, char **argv);
int kg_cmd_extract(int argc, char **argv);
int kg_cmd_merge(int argc, char **argv);
int kg_cmd_review(int argc, char **argv);

extern const char kg_usage_build[];
extern const char kg_usage_validate[];
extern const char kg_usage_verify[];
extern const char kg_usage_convert[];
extern const char kg_usage_ingest[];
extern const char kg_usage_centrality[];
extern const char kg_usage_path[];
extern const char kg_usage_neighbours[];
extern const char kg_usage_subgraph[];
extern const char kg_usage_diagram[];
extern const char kg_usage_components[];
extern const char kg_usage_communities[];
extern const char kg_usage_extract[];
extern const char kg_usage_merge[];
extern const char kg_usage_review[];

extern const kg_command kg_commands[];
extern const size_t kg_command_count;

#endif
