// parse.cjs FILE.cypher: parses a Cypher script with Neo4j's ANTLR grammar
// (@neo4j-cypher/antlr4, pinned by package-lock.json) and prints, as JSON,
// the syntax errors, the statements left out and the raw text of every
// string literal as the grammar's lexer cut it. The grammar predates
// Neo4j 5's constraint syntax (CREATE CONSTRAINT ... FOR ... REQUIRE),
// so such statements, one line each in kg's scripts, are left out and
// counted; and it wants no white space after the last ';', so trailing
// white space is dropped. Run by tests/cli/check_more_exports.py.
"use strict";
const fs = require("fs");
const antlr4 = require("@neo4j-cypher/antlr4-browser").default;
const { CypherLexer, CypherParser } = require("@neo4j-cypher/antlr4");

const lines = fs.readFileSync(process.argv[2], "utf8").split("\n");
const kept = lines.filter((l) => !l.startsWith("CREATE CONSTRAINT "));
const errors = [];
const listener = {
  syntaxError(recognizer, symbol, line, column, message) {
    errors.push(`${line}:${column}: ${message}`);
  },
  reportAmbiguity() {},
  reportAttemptingFullContext() {},
  reportContextSensitivity() {},
};
const lexer = new CypherLexer(new antlr4.InputStream(kept.join("\n").trimEnd()));
lexer.removeErrorListeners();
lexer.addErrorListener(listener);
const tokens = new antlr4.CommonTokenStream(lexer);
const parser = new CypherParser(tokens);
parser.removeErrorListeners();
parser.addErrorListener(listener);
parser.cypher();
tokens.fill();
const strings = tokens.tokens
  .filter((t) => t.type === CypherParser.StringLiteral)
  .map((t) => t.text);
process.stdout.write(
  JSON.stringify({ errors, skipped: lines.length - kept.length, strings }) + "\n");
