"""Reads mlkg's engine exports with real tools and compares with mlkg.

Called by tests/engines/py.rs, one check per call:

  engines_check.py graphml FILE.graphml EXPECT.json
  engines_check.py rdf FILE.ttl FILE.nt EXPECT.json
  engines_check.py opencypher DIR EXPECT.json
  engines_check.py headers FORMAT DIR

EXPECT.json is written by the Rust test from mlkg's own graph: node ids with
kind and label (as the format must carry them), edges with their relation
and required mark, and mlkg's answer to "which algorithms accept CSV".
Exits non-zero with a message on the first difference.
"""

import csv
import json
import os
import re
import sys
import tempfile


def fail(msg):
    print(f"engines_check: {msg}", file=sys.stderr)
    sys.exit(1)


def expect(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_graphml(path, want):
    import networkx as nx

    g = nx.read_graphml(path)
    if not isinstance(g, nx.MultiDiGraph) and g.number_of_edges() != len(want["edges"]):
        g = nx.MultiDiGraph(g)
    if g.number_of_nodes() != len(want["nodes"]):
        fail(f"graphml: {g.number_of_nodes()} nodes, mlkg has {len(want['nodes'])}")
    if g.number_of_edges() != len(want["edges"]):
        fail(f"graphml: {g.number_of_edges()} edges, mlkg has {len(want['edges'])}")
    for node_id, n in want["nodes"].items():
        got = g.nodes[node_id]
        if got.get("kind") != n["kind"] or got.get("label") != n["graphml_label"]:
            fail(f"graphml: node {node_id!r} reads {got.get('kind')!r} {got.get('label')!r}")
    required = sorted(
        (u, v, d["rel"]) for u, v, d in g.edges(data=True) if d.get("required") is True
    )
    want_required = sorted((e["from"], e["to"], e["rel"]) for e in want["edges"] if e["required"])
    if required != want_required:
        fail(f"graphml: required edges {required[:5]} differ from {want_required[:5]}")
    rels = sorted(d["rel"] for _, _, d in g.edges(data=True))
    if rels != sorted(e["rel"] for e in want["edges"]):
        fail("graphml: the edges' relations differ")
    print(f"graphml: networkx read {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


def check_rdf(ttl, nt, want):
    import pyoxigraph
    import rdflib
    from rdflib.compare import isomorphic

    gt = rdflib.Graph().parse(ttl, format="turtle")
    gn = rdflib.Graph().parse(nt, format="nt")
    if not isomorphic(gt, gn):
        fail("rdf: the Turtle and N-Triples exports are not isomorphic")
    base = want["base"]
    label = rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    for node_id, n in want["nodes"].items():
        subject = rdflib.URIRef(base + "node/" + n["iri_id"])
        labels = [str(o) for o in gt.objects(subject, label)]
        if labels != [n["label"]]:
            fail(f"rdf: node {node_id!r} has labels {labels!r}, mlkg {n['label']!r}")
    store = pyoxigraph.Store()
    with open(nt, "rb") as f:
        store.load(f, pyoxigraph.RdfFormat.N_TRIPLES)
    query = f"""
        SELECT ?a WHERE {{
          ?a a <{base}kind/algorithm> ;
             <{base}rel/accepts> <{base}node/csv> .
        }}"""
    got = sorted(str(row["a"].value)[len(base + "node/"):] for row in store.query(query))
    if got != sorted(want["accepts_csv"]):
        fail(f"rdf: SPARQL gives {got}, mlkg {sorted(want['accepts_csv'])}")
    print(f"rdf: isomorphic ({len(gt)} triples); SPARQL finds {len(got)} algorithms accepting CSV")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    return rows[0], rows[1:]


def unescape(value):
    return value.replace("\\;", ";")


def check_opencypher(folder, want):
    import ladybug as lb

    node_header, node_rows = read_csv(os.path.join(folder, "nodes.csv"))
    edge_header, edge_rows = read_csv(os.path.join(folder, "edges.csv"))
    col = {h: i for i, h in enumerate(node_header)}
    ecol = {h: i for i, h in enumerate(edge_header)}
    db = lb.Database(os.path.join(tempfile.mkdtemp(), "db"))
    conn = lb.Connection(db)
    # LadybugDB keeps node and relationship tables in one catalog, where a
    # kind and a relation may share a name (hyperparameter): node tables get
    # a prefix.
    labels = sorted({"Kind_" + r[col[":LABEL"]] for r in node_rows})
    kind_of = {r[col["id:ID"]]: "Kind_" + r[col[":LABEL"]] for r in node_rows}
    for label in labels:
        conn.execute(f"CREATE NODE TABLE `{label}`(id STRING, name STRING, PRIMARY KEY(id))")
    pairs = {}
    for r in edge_rows:
        pair = (kind_of[r[ecol[":START_ID"]]], kind_of[r[ecol[":END_ID"]]])
        pairs.setdefault(r[ecol[":TYPE"]], set()).add(pair)
    for rel, ends in sorted(pairs.items()):
        spec = ", ".join(f"FROM `{a}` TO `{b}`" for a, b in sorted(ends))
        conn.execute(f"CREATE REL TABLE `{rel}`({spec}, note STRING)")
    for r in node_rows:
        conn.execute(
            f"CREATE (:`{kind_of[r[col['id:ID']]]}` {{id: $id, name: $name}})",
            {"id": r[col["id:ID"]], "name": unescape(r[col["name:String"]])},
        )
    for r in edge_rows:
        a, b, rel = r[ecol[":START_ID"]], r[ecol[":END_ID"]], r[ecol[":TYPE"]]
        conn.execute(
            f"MATCH (a:`{kind_of[a]}` {{id: $a}}), (b:`{kind_of[b]}` {{id: $b}}) "
            f"CREATE (a)-[:`{rel}` {{note: $note}}]->(b)",
            {"a": a, "b": b, "note": unescape(r[ecol["note:String"]])},
        )
    count = conn.execute("MATCH ()-[e]->() RETURN count(e)").get_next()[0]
    if count != len(want["edges"]):
        fail(f"opencypher: ladybug holds {count} edges, mlkg {len(want['edges'])}")
    for node_id, n in want["nodes"].items():
        res = conn.execute("MATCH (n {id: $id}) RETURN n.name", {"id": node_id})
        got = res.get_next()[0]
        if got != n["label"]:
            fail(f"opencypher: node {node_id!r} reads {got!r}, mlkg {n['label']!r}")
    if want["accepts_csv"]:
        res = conn.execute("MATCH (a)-[:accepts]->(f {id:'csv'}) RETURN a.id")
        got = []
        while res.has_next():
            got.append(res.get_next()[0])
        if sorted(got) != sorted(want["accepts_csv"]):
            fail(f"opencypher: Cypher gives {sorted(got)}, mlkg {sorted(want['accepts_csv'])}")
    print(f"opencypher: ladybug loaded {len(node_rows)} nodes, {count} edges")


# The header grammars, as the loaders' documentation gives them.
TYPES = {
    "neptune-gremlin": {"Bool", "Boolean", "Byte", "Short", "Int", "Long", "Float", "Double", "String", "Date"},
    "neptune-opencypher": {"Bool", "Byte", "Short", "Int", "Long", "Float", "Double", "String", "DateTime"},
    "neo4j": {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date"},
}
SYSTEM = {
    "neptune-gremlin": ({"~id"}, {"~id", "~label"}, {"~id", "~from", "~to"}, {"~id", "~from", "~to", "~label"}),
    "neptune-opencypher": ({":ID"}, {":ID", ":LABEL"}, {":START_ID", ":END_ID", ":TYPE"}, {":ID", ":START_ID", ":END_ID", ":TYPE"}),
    "neo4j": ({":ID(Node)"}, {":ID(Node)", ":LABEL"}, {":START_ID(Node)", ":END_ID(Node)", ":TYPE"}, {":START_ID(Node)", ":END_ID(Node)", ":TYPE"}),
}


def check_header(fmt, header, required, allowed, what):
    system = set()
    for h in header:
        if re.search(r"[ ,\r\n]", h):
            fail(f"{fmt} {what}: header {h!r} holds a space, comma or line break")
        m = re.fullmatch(r"((?:[^:\\]|\\:)*)(:.*)?", h)
        name, typ = m.group(1), (m.group(2) or "")[1:]
        if h.startswith("~") or (not name and typ):
            system.add(h)
            continue
        if typ.startswith("ID") and fmt != "neptune-gremlin":
            system.add(":" + typ)
            continue
        base = typ[:-2] if typ.endswith("[]") else typ
        if typ and base not in TYPES[fmt]:
            fail(f"{fmt} {what}: {h!r} has a type the loader does not know")
    if not required <= system or not system <= allowed:
        fail(f"{fmt} {what}: system columns {sorted(system)}, need {sorted(required)}")
    if len(set(header)) != len(header):
        fail(f"{fmt} {what}: a column appears twice")


def check_headers(fmt, folder):
    edges_file = "relationships.csv" if fmt == "neo4j" else "edges.csv"
    node_header, node_rows = read_csv(os.path.join(folder, "nodes.csv"))
    edge_header, edge_rows = read_csv(os.path.join(folder, edges_file))
    need_n, allow_n, need_e, allow_e = SYSTEM[fmt]
    check_header(fmt, node_header, need_n, allow_n, "nodes")
    check_header(fmt, edge_header, need_e, allow_e, "edges")
    id_col = next(i for i, h in enumerate(node_header) if h in {"~id", "id:ID", "id:ID(Node)"})
    ids = {r[id_col] for r in node_rows}
    ends = [i for i, h in enumerate(edge_header) if h in {"~from", "~to", ":START_ID", ":END_ID", ":START_ID(Node)", ":END_ID(Node)"}]
    for rows, header in ((node_rows, node_header), (edge_rows, edge_header)):
        if any(len(r) != len(header) for r in rows):
            fail(f"{fmt}: a row whose field count differs from its header's")
    for r in edge_rows:
        for i in ends:
            if r[i] not in ids:
                fail(f"{fmt}: edge end {r[i]!r} is not a node of the export")
    print(f"{fmt}: headers follow the grammar; {len(edge_rows)} edges end at nodes of the export")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "graphml":
        check_graphml(argv[2], expect(argv[3]))
    elif cmd == "rdf":
        check_rdf(argv[2], argv[3], expect(argv[4]))
    elif cmd == "opencypher":
        check_opencypher(argv[2], expect(argv[3]))
    elif cmd == "headers":
        check_headers(argv[2], argv[3])
    else:
        fail(__doc__)


if __name__ == "__main__":
    main(sys.argv)
