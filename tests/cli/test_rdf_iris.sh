#!/usr/bin/env bash
# RDF identity: every triple once (parallel edges assert theirs once), graphs
# without a name get statement and source IRIs of their own, and --base-iri
# moves entities, statements and sources into the caller's namespace. Read
# by rdflib.
. "$(dirname "$0")/lib.sh"

# No triple twice, in the shipped data set (which has parallel edges) and a
# fixture with parallel edges of one type.
printf 'source,target,type\na,b,knows\na,b,knows\na,c,knows\nb,c,likes\n' >"$scratch/one.csv"
printf 'source,target,type\na,b,knows\nb,c,likes\n' >"$scratch/two.csv"
for f in "$KG_SOURCE_DIR/data/nato-eu.kg.json" "$scratch/one.csv"; do
  name=$(basename "$f" | sed 's/\..*//')
  run convert "$f" "$scratch/$name.nt"
  expect_rc 0 "convert $name to N-Triples"
  dups=$(sort "$scratch/$name.nt" | uniq -d | wc -l)
  [ "$dups" -eq 0 ] || fail "$name.nt repeats $dups triple(s): $(sort "$scratch/$name.nt" | uniq -d | head -3)"
done
# ... while each parallel edge keeps its statement.
[ "$(grep -c 'rdf-syntax-ns#Statement>' "$scratch/one.nt")" -eq 4 ] ||
  fail "one.nt: not one statement per edge"
[ "$(grep -c '^<https://kg.example/id/a> <https://kg.example/ns/relation#knows> <https://kg.example/id/b> \.$' \
  "$scratch/one.nt")" -eq 1 ] || fail "one.nt: a knows b is not asserted exactly once"

# Two unnamed graphs: statements and sources in different namespaces, the
# same on every run (a hash of the graph), parseable together.
run convert "$scratch/two.csv" "$scratch/two.nt"
run convert "$scratch/one.csv" "$scratch/one-again.nt"
cmp -s "$scratch/one.nt" "$scratch/one-again.nt" || fail "the unnamed graph's IRIs change between runs"
"$PY" - "$scratch/one.nt" "$scratch/two.nt" <<'PY' || fail "two converted CSVs share statement IRIs"
import sys, rdflib
from rdflib.namespace import RDF
graphs = [rdflib.Graph().parse(p, format="nt") for p in sys.argv[1:]]
statements = [set(g.subjects(RDF.type, RDF.Statement)) for g in graphs]
assert all(statements), "no statements"
assert not statements[0] & statements[1], sorted(statements[0] & statements[1])[:3]
assert all(str(s).startswith("https://kg.example/relation/g-") for st in statements for s in st)
PY

# --base-iri: entities, statements and sources under it, in both syntaxes;
# rdflib reads both as the same graph.
run convert --base-iri https://example.org/graphs/one "$scratch/one.csv" "$scratch/base.ttl"
expect_rc 0 "convert --base-iri to Turtle"
run convert --base-iri https://example.org/graphs/one "$scratch/one.csv" "$scratch/base.nt"
expect_rc 0 "convert --base-iri to N-Triples"
"$PY" - "$scratch/base.nt" "$scratch/base.ttl" <<'PY' || fail "--base-iri: rdflib disagrees"
import sys, rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
nt = rdflib.Graph().parse(sys.argv[1], format="nt")
ttl = rdflib.Graph().parse(sys.argv[2], format="turtle")
assert isomorphic(nt, ttl), "N-Triples and Turtle differ"
base = "https://example.org/graphs/one/"
entities = set(nt.subjects(RDF.type, None)) - set(nt.subjects(RDF.type, RDF.Statement))
entities = {e for e in entities if "/ns/" not in str(e)}
assert entities == {rdflib.URIRef(base + "id/" + x) for x in "abc"}, entities
assert all(str(s).startswith(base + "relation/") for s in nt.subjects(RDF.type, RDF.Statement))
PY
run build -q -f nt --base-iri 'https://example.org/x#' -o "$scratch/build" "$KG_TEST_DATA/small.kg.json"
expect_rc 0 "build --base-iri"
grep -q '^<https://example.org/x#id/' "$scratch/build/small.nt" || fail "build --base-iri: entities not under the base"
grep -q 'kg.example/id/' "$scratch/build/small.nt" && fail "build --base-iri: an entity kept the default IRI"
# kg ingest takes the same option (bulk lists become RDF under the base too).
printf 'id\ttype\tlabel\na\torganisation\tA\nb\torganisation\tB\n' >"$scratch/nodes.tsv"
printf 'source\ttype\ttarget\na\tpart_of\tb\n' >"$scratch/edges.tsv"
run ingest -q --nodes "$scratch/nodes.tsv" --edges "$scratch/edges.tsv" -f nt -n bulk \
  --base-iri 'https://example.org/bulk/' -o "$scratch/ingest"
expect_rc 0 "ingest --base-iri"
"$PY" - "$scratch/ingest/bulk.nt" <<'PY' || fail "ingest --base-iri: rdflib disagrees"
import sys, rdflib
g = rdflib.Graph().parse(sys.argv[1], format="nt")
subjects = {str(s) for s in g.subjects() if isinstance(s, rdflib.URIRef)}
assert "https://example.org/bulk/id/a" in subjects, subjects
assert not any("kg.example" in s for s in subjects), subjects
PY
run ingest -q --nodes "$scratch/nodes.tsv" -f nt --base-iri 'relative/path' -o "$scratch/ingest-bad"
expect_rc 1 "ingest --base-iri relative/path"
expect_stderr "is not an absolute IRI" "ingest --base-iri relative/path"
for bad in 'no scheme' 'https://ex.org/a b' 'https://ex.org/<x>' 'relative/path'; do
  run convert --base-iri "$bad" "$scratch/one.csv" "$scratch/bad.nt"
  expect_rc 1 "--base-iri '$bad'"
  expect_stderr "is not an absolute IRI" "--base-iri '$bad'"
done
[ ! -e "$scratch/bad.nt" ] || fail "a rejected --base-iri wrote a file"

finish
