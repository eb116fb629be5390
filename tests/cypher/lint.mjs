// lint.mjs FILE... - Neo4j's own Cypher parser and semantic checks
// (@neo4j-cypher/language-support, pinned by package-lock.json) over each
// Cypher script: prints every diagnostic as FILE:LINE:COL: severity: message
// and exits 1 when there is any (errors and warnings alike), 2 on misuse.
import { readFileSync } from "node:fs";
import { lintCypherQuery } from "@neo4j-cypher/language-support";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs FILE...");
  process.exit(2);
}
const severity = { 1: "error", 2: "warning", 3: "information", 4: "hint" };
let count = 0;
for (const file of files) {
  const { diagnostics } = lintCypherQuery(readFileSync(file, "utf8"), {});
  for (const d of diagnostics) {
    const { line, character } = d.range.start;
    console.log(`${file}:${line + 1}:${character + 1}: ${severity[d.severity]}: ${d.message}`);
  }
  count += diagnostics.length;
}
process.exit(count ? 1 : 0);
