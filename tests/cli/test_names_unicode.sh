#!/usr/bin/env bash
# Names are matched ignoring case and accents in every script (kg_fold
# through utf8proc): a decomposed "Türkiye" finds the shipped node, and
# Romanian, Greek and Cyrillic names are found in any case and accent form.
. "$(dirname "$0")/lib.sh"

# U+0075 U+0308 (NFD), as macOS file names and some keyboards produce it.
run neighbours "$KG_SOURCE_DIR/data/nato-eu.kg.json" "$(printf 'Tu\xcc\x88rkiye')"
expect_rc 0 "neighbours of a decomposed Türkiye"
expect_stdout "centre: turkiye" "decomposed Türkiye resolves to the node"
run neighbours "$KG_SOURCE_DIR/data/nato-eu.kg.json" "$(printf 'T\xc3\x9cRK\xc4\xb0YE')"
expect_rc 0 "neighbours of TÜRKİYE"
expect_stdout "centre: turkiye" "TÜRKİYE resolves to the node"

# A data set with names in three more scripts.
cp "$KG_TEST_DATA/schema.json" "$scratch/schema.json"
cat >"$scratch/scripts.kg.json" <<'JSON'
{
  "kg": 1,
  "name": "scripts",
  "schema": "schema.json",
  "sources": [{"id": "s", "title": "Names", "file": "s.txt"}],
  "entities": [
    {"id": "bucuresti", "type": "place", "label": "București", "aliases": ["Piața Ștefan cel Mare"]},
    {"id": "athina", "type": "place", "label": "Αθήνα"},
    {"id": "moskva", "type": "place", "label": "Москва"},
    {"id": "un", "type": "organisation", "label": "United Nations"}
  ],
  "relations": [
    {"source": "un", "type": "located_at", "target": "bucuresti", "evidence": {"source": "s", "quote": "q"}},
    {"source": "un", "type": "located_at", "target": "athina", "evidence": {"source": "s", "quote": "q"}},
    {"source": "un", "type": "located_at", "target": "moskva", "evidence": {"source": "s", "quote": "q"}}
  ]
}
JSON
check_name() { # check_name NAME ID
  run neighbours "$scratch/scripts.kg.json" "$1"
  expect_rc 0 "neighbours '$1'"
  expect_stdout "centre: $2" "'$1' resolves to $2"
}
check_name "BUCUREȘTI" bucuresti              # comma below, upper case
check_name "Bucureşti" bucuresti              # cedilla, as older Romanian keyboards write it
check_name "bucuresti" bucuresti              # no accents
check_name "PIATA STEFAN CEL MARE" bucuresti  # an alias
check_name "ΑΘΗΝΑ" athina                     # Greek capitals without tonos
check_name "αθήνα" athina                     # Greek lower case
check_name "МОСКВА" moskva                    # Cyrillic capitals
check_name "москва" moskva
# A near miss still gets a suggestion in its own script.
run neighbours "$scratch/scripts.kg.json" "Москв"
expect_rc 2 "unknown Cyrillic name"
expect_stderr "did you mean 'Москва'?" "suggestion in Cyrillic"

finish
