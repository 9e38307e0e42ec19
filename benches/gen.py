#!/usr/bin/env python3
"""Generates a large polyglot monorepo for benchmarking tracewire.

    python3 benches/gen.py [OUT_DIR] [--scale N] [--seed S]

About one million lines at scale 1 (`--scale 2` doubles the number of services), written to
OUT_DIR (default: target/bench-monorepo-s<scale>). The tree is deterministic for a given scale
and seed: services in Go, Python, JavaScript, TypeScript, Java, C# and Rust, each with an HTTP
server, handlers, outbound clients and a manifest. Half of the services are instrumented with
OpenTelemetry (SDK setup, instrumented servers and clients, spans in handlers), half are not.
Most files are business logic that never touches tracing (models, validation, pricing,
repositories, utilities), as in real repositories.
"""

import argparse
import os
import random
import shutil

ENTITIES = [
    "order", "cart", "invoice", "payment", "customer", "product", "shipment", "inventory",
    "coupon", "review", "account", "ledger", "refund", "catalog", "price", "tax", "address",
    "session", "notification", "report", "warehouse", "supplier", "discount", "subscription",
]
FIELDS = [
    ("id", "str"), ("name", "str"), ("email", "str"), ("status", "str"), ("region", "str"),
    ("quantity", "int"), ("amount", "float"), ("currency", "str"), ("created", "int"),
    ("updated", "int"), ("weight", "float"), ("priority", "int"), ("note", "str"),
    ("sku", "str"), ("rating", "int"), ("score", "float"),
]
SERVICE_WORDS = ["cart", "checkout", "billing", "catalog", "shipping", "pricing", "accounts",
                 "ledger", "search", "reviews", "inventory", "notify", "reports", "payments",
                 "orders", "gateway", "recommend", "fraud", "loyalty", "tax"]

# Services per language at scale 1; each yields roughly 7,000–9,000 lines.
SERVICES_PER_LANG = 36
BUSINESS_FILES = 20


def camel(s):
    return "".join(p[:1].upper() + p[1:] for p in s.split("_"))


def lower_camel(s):
    c = camel(s)
    return c[:1].lower() + c[1:]


class Gen:
    def __init__(self, rng):
        self.rng = rng

    def pick(self, seq, k=None):
        if k is None:
            return self.rng.choice(seq)
        return self.rng.sample(seq, k)

    def fields(self):
        return self.pick(FIELDS, self.rng.randint(5, 9))


# ---------------------------------------------------------------------------------------- Go

GO_TYPES = {"str": "string", "int": "int64", "float": "float64"}


def go_model(g, pkg, entity, nfuncs):
    t = camel(entity)
    fs = g.fields()
    out = [f"package {pkg}", "", "import (", '\t"errors"', '\t"fmt"', '\t"sort"', '\t"strings"',
           ")", "", f"// {t} is the {entity} record as the domain sees it.", f"type {t} struct {{"]
    for name, ty in fs:
        out.append(f"\t{camel(name)} {GO_TYPES[ty]} `json:\"{name}\"`")
    out += ["}", "", f"// Err{t}Invalid is returned when a {entity} fails validation.",
            f'var Err{t}Invalid = errors.New("invalid {entity}")', "",
            f"// Validate checks the {entity}'s invariants.",
            f"func (x *{t}) Validate() error {{"]
    for name, ty in fs:
        if ty == "str":
            out += [f"\tif strings.TrimSpace(x.{camel(name)}) == \"\" {{",
                    f'\t\treturn fmt.Errorf("%w: empty {name}", Err{t}Invalid)', "\t}"]
        else:
            out += [f"\tif x.{camel(name)} < 0 {{",
                    f'\t\treturn fmt.Errorf("%w: negative {name}", Err{t}Invalid)', "\t}"]
    out += ["\treturn nil", "}", ""]
    nums = [n for n, ty in fs if ty != "str"] or ["id"]
    for i in range(nfuncs):
        fn = f"{g.pick(['Sum', 'Rank', 'Filter', 'Score', 'Merge', 'Bucket'])}{t}s{i}"
        f = camel(g.pick(nums)) if nums != ["id"] else None
        out += [f"// {fn} folds a batch of {entity} records into a summary.",
                f"func {fn}(items []{t}, limit int) (map[string]float64, []string) {{",
                "\ttotals := make(map[string]float64, len(items))",
                "\tkeys := make([]string, 0, len(items))",
                "\tfor i, it := range items {",
                "\t\tif i >= limit {", "\t\t\tbreak", "\t\t}",
                f"\t\tkey := fmt.Sprintf(\"%s-%d\", strings.ToLower(\"{entity}\"), i%{g.rng.randint(3, 17)})",
                "\t\tif _, ok := totals[key]; !ok {", "\t\t\tkeys = append(keys, key)", "\t\t}",
                f"\t\ttotals[key] += float64({('it.' + f) if f else 'i'}) * {g.rng.randint(2, 9)}.5",
                "\t}", "\tsort.Strings(keys)",
                "\tfor _, k := range keys {",
                f"\t\tif totals[k] > {g.rng.randint(100, 9000)} {{",
                "\t\t\ttotals[k] = totals[k] / 2", "\t\t}", "\t}",
                "\treturn totals, keys", "}", ""]
    return out


def go_repo(g, pkg, entity, nfuncs):
    t = camel(entity)
    out = [f"package {pkg}", "", "import (", '\t"context"', '\t"database/sql"', '\t"fmt"', ")", "",
           f"// {t}Store reads and writes {entity} rows.",
           f"type {t}Store struct {{", "\tdb *sql.DB", "}", ""]
    for i in range(nfuncs):
        out += [f"// Load{t}{i} reads one {entity} by id.",
                f"func (s *{t}Store) Load{t}{i}(ctx context.Context, id string) (*{t}, error) {{",
                f'\trow := s.db.QueryRowContext(ctx, "SELECT id, name FROM {entity}s WHERE id = $1 AND shard = {i}", id)',
                f"\tvar out {t}",
                "\tif err := row.Scan(&out.Id, &out.Name); err != nil {",
                f'\t\treturn nil, fmt.Errorf("load {entity} %s: %w", id, err)', "\t}",
                "\treturn &out, nil", "}", ""]
    return out


def go_handlers(g, pkg, svc, entity, traced, peer):
    t = camel(entity)
    out = [f"package {pkg}", "", "import (", '\t"encoding/json"', '\t"net/http"']
    if traced:
        out += ['', '\t"go.opentelemetry.io/otel"', '\t"go.opentelemetry.io/otel/attribute"']
    out += [")", ""]
    if traced:
        out += [f'var tracer = otel.Tracer("{svc}")', ""]
    out += [f"// Register{t}Routes mounts the {entity} API.",
            f"func Register{t}Routes(mux *http.ServeMux, store *{t}Store, up *UpstreamClient) {{",
            f'\tmux.HandleFunc("/{entity}s/get", func(w http.ResponseWriter, r *http.Request) {{']
    if traced:
        out += [f'\t\tctx, span := tracer.Start(r.Context(), "get-{entity}")', "\t\tdefer span.End()",
                '\t\tspan.SetAttributes(attribute.String("id", r.URL.Query().Get("id")))']
    else:
        out += ["\t\tctx := r.Context()"]
    out += [f'\t\titem, err := store.Load{t}0(ctx, r.URL.Query().Get("id"))',
            "\t\tif err != nil {", "\t\t\thttp.Error(w, err.Error(), http.StatusNotFound)",
            "\t\t\treturn", "\t\t}",
            "\t\tif err := up.Notify(ctx, item.Id); err != nil {",
            "\t\t\thttp.Error(w, err.Error(), http.StatusBadGateway)", "\t\t\treturn", "\t\t}",
            "\t\t_ = json.NewEncoder(w).Encode(item)", "\t})",
            f'\tmux.HandleFunc("/{entity}s/validate", func(w http.ResponseWriter, r *http.Request) {{',
            f"\t\tvar item {t}",
            "\t\tif err := json.NewDecoder(r.Body).Decode(&item); err != nil {",
            "\t\t\thttp.Error(w, err.Error(), http.StatusBadRequest)", "\t\t\treturn", "\t\t}",
            "\t\tif err := item.Validate(); err != nil {",
            "\t\t\thttp.Error(w, err.Error(), http.StatusUnprocessableEntity)", "\t\t\treturn", "\t\t}",
            "\t\tw.WriteHeader(http.StatusNoContent)", "\t})", "}", ""]
    return out


def go_client(g, pkg, traced, peer):
    out = [f"package {pkg}", "", "import (", '\t"context"', '\t"fmt"', '\t"net/http"', '\t"time"']
    if traced:
        out += ['', '\t"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"']
    out += [")", "", "// UpstreamClient calls the next service.", "type UpstreamClient struct {",
            "\tbase string", "\thttp *http.Client", "}", "",
            "// NewUpstreamClient builds the client.",
            "func NewUpstreamClient(base string) *UpstreamClient {",
            "\treturn &UpstreamClient{base: base, http: &http.Client{",
            "\t\tTimeout: 5 * time.Second,"]
    if traced:
        out += ["\t\tTransport: otelhttp.NewTransport(http.DefaultTransport),"]
    out += ["\t}}", "}", "",
            "// Notify tells the upstream service about an update.",
            "func (c *UpstreamClient) Notify(ctx context.Context, id string) error {",
            f'\treq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/notify?id="+id, nil)',
            "\tif err != nil {", "\t\treturn err", "\t}",
            "\tresp, err := c.http.Do(req)", "\tif err != nil {", "\t\treturn err", "\t}",
            "\tdefer resp.Body.Close()", "\tif resp.StatusCode >= 300 {",
            '\t\treturn fmt.Errorf("notify: %s", resp.Status)', "\t}", "\treturn nil", "}", ""]
    return out


def go_main(g, svc, pkg, entity, traced, peer):
    t = camel(entity)
    out = ["package main", "", "import (", '\t"context"', '\t"log"', '\t"net/http"', '\t"os"',
           '\t"os/signal"', '\t"syscall"', "",
           f'\t"example.com/{svc}/internal/{pkg}"']
    if traced:
        out += ['', '\t"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"',
                '\t"go.opentelemetry.io/otel"',
                '\t"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"',
                '\t"go.opentelemetry.io/otel/propagation"',
                '\tsdktrace "go.opentelemetry.io/otel/sdk/trace"']
    out += [")", "", "func main() {",
            "\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)",
            "\tdefer stop()"]
    if traced:
        out += ["\texp, err := otlptracegrpc.New(ctx)", "\tif err != nil {", "\t\tlog.Fatal(err)", "\t}",
                "\ttp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))",
                "\tdefer func() { _ = tp.Shutdown(context.Background()) }()",
                "\totel.SetTracerProvider(tp)",
                "\totel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))"]
    out += ["\tmux := http.NewServeMux()",
            f'\t{pkg}.Register{t}Routes(mux, &{pkg}.{t}Store{{}}, {pkg}.NewUpstreamClient("http://{peer}:8080"))']
    handler = 'otelhttp.NewHandler(mux, "server")' if traced else "mux"
    out += [f'\tsrv := &http.Server{{Addr: ":8080", Handler: {handler}}}',
            "\tgo func() {", "\t\tif err := srv.ListenAndServe(); err != http.ErrServerClosed {",
            "\t\t\tlog.Print(err)", "\t\t}", "\t}()", "\t<-ctx.Done()",
            "\t_ = srv.Shutdown(context.Background())", "}", ""]
    return out


def gen_go(g, root, svc, traced, peer):
    pkg = svc.replace("-", "")
    write(root, "go.mod", [f"module example.com/{svc}", "", "go 1.22", ""])
    ents = g.pick(ENTITIES, 4)
    write(root, "cmd/server/main.go", go_main(g, svc, pkg, ents[0], traced, peer))
    write(root, f"internal/{pkg}/handlers.go", go_handlers(g, pkg, svc, ents[0], traced, peer))
    write(root, f"internal/{pkg}/client.go", go_client(g, pkg, traced, peer))
    write(root, f"internal/{pkg}/store.go", go_repo(g, pkg, ents[0], 8))
    for i in range(BUSINESS_FILES):
        e = ents[i % len(ents)] if i < len(ents) else g.pick(ENTITIES)
        sub = g.pick(["domain", "pricing", "rules", "calc"])
        lines = go_model(g, sub, e, g.rng.randint(6, 12))
        write(root, f"internal/{sub}/{e}_{i}.go", lines)


# ------------------------------------------------------------------------------------ Python

def py_model(g, entity, nfuncs):
    t = camel(entity)
    fs = g.fields()
    pyty = {"str": "str", "int": "int", "float": "float"}
    out = ['"""Domain model and pure helpers for %s records."""' % entity, "",
           "from __future__ import annotations", "", "import math", "from dataclasses import dataclass, field",
           "from typing import Iterable", "", "", "@dataclass", f"class {t}:",
           f'    """A {entity} as the domain sees it."""', ""]
    for name, ty in fs:
        out.append(f"    {name}: {pyty[ty]} = {repr('') if ty == 'str' else 0}")
    out += ["    tags: list[str] = field(default_factory=list)", "",
            "    def validate(self) -> list[str]:", "        problems = []"]
    for name, ty in fs:
        if ty == "str":
            out += [f"        if not self.{name}.strip():", f'            problems.append("empty {name}")']
        else:
            out += [f"        if self.{name} < 0:", f'            problems.append("negative {name}")']
    out += ["        return problems", "", ""]
    nums = [n for n, ty in fs if ty != "str"]
    for i in range(nfuncs):
        fn = f"{g.pick(['summarise', 'rank', 'bucket', 'score', 'merge'])}_{entity}s_{i}"
        attr = f"item.{g.pick(nums)}" if nums else "index"
        out += [f"def {fn}(items: Iterable[{t}], limit: int = {g.rng.randint(10, 500)}) -> dict[str, float]:",
                f'    """Folds {entity} records into per-bucket totals."""',
                "    totals: dict[str, float] = {}",
                "    for index, item in enumerate(items):",
                "        if index >= limit:", "            break",
                f'        key = f"{entity}-{{index % {g.rng.randint(3, 17)}}}"',
                f"        totals[key] = totals.setdefault(key, 0.0) + float({attr}) * {g.rng.randint(2, 9)}.5",
                "    for key in sorted(totals):",
                f"        if totals[key] > {g.rng.randint(100, 9000)}:",
                "            totals[key] = math.sqrt(totals[key])",
                "    return totals", "", ""]
    return out


def py_app(g, svc, entity, traced, peer):
    out = ['"""HTTP entry point."""', "", "import requests", "from flask import Flask, jsonify, request as flask_request", ""]
    if traced:
        out += ["from opentelemetry import trace",
                "from opentelemetry.instrumentation.flask import FlaskInstrumentor",
                "from opentelemetry.instrumentation.requests import RequestsInstrumentor",
                "from opentelemetry.sdk.trace import TracerProvider",
                "from opentelemetry.sdk.trace.export import BatchSpanProcessor",
                "from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter", "",
                "provider = TracerProvider()",
                "provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))",
                "trace.set_tracer_provider(provider)",
                "RequestsInstrumentor().instrument()", ""]
    out += ["app = Flask(__name__)"]
    if traced:
        out += ["FlaskInstrumentor().instrument_app(app)", f'tracer = trace.get_tracer("{svc}")']
    out += ["", "", f'@app.route("/{entity}s/<item_id>")', "def get_item(item_id):"]
    if traced:
        out += [f'    with tracer.start_as_current_span("get-{entity}"):',
                f'        resp = requests.get(f"http://{peer}:8080/items/{{item_id}}", timeout=5)',
                "        return jsonify(resp.json())"]
    else:
        out += [f'    resp = requests.get(f"http://{peer}:8080/items/{{item_id}}", timeout=5)',
                "    return jsonify(resp.json())"]
    out += ["", "", f'@app.route("/{entity}s", methods=["POST"])', "def create_item():",
            "    body = flask_request.get_json()", "    return jsonify(body), 201", "", "",
            'if __name__ == "__main__":', '    app.run(host="0.0.0.0", port=8080)', ""]
    return out


def gen_python(g, root, svc, traced, peer):
    reqs = ["flask==3.0.3", "requests==2.32.3"]
    if traced:
        reqs += ["opentelemetry-sdk==1.27.0", "opentelemetry-instrumentation-flask==0.48b0",
                 "opentelemetry-exporter-otlp==1.27.0"]
    write(root, "requirements.txt", reqs + [""])
    ents = g.pick(ENTITIES, 4)
    pkg = svc.replace("-", "_")
    write(root, f"{pkg}/__init__.py", [""])
    write(root, f"{pkg}/app.py", py_app(g, svc, ents[0], traced, peer))
    for i in range(BUSINESS_FILES + 4):
        e = g.pick(ENTITIES)
        sub = g.pick(["domain", "pricing", "rules"])
        write(root, f"{pkg}/{sub}/{e}_{i}.py", py_model(g, e, g.rng.randint(8, 16)))
        write(root, f"{pkg}/{sub}/__init__.py", [""])


# ----------------------------------------------------------------------------------- JS / TS

def ts_model(g, entity, nfuncs, ts):
    t = camel(entity)
    fs = g.fields()
    tsty = {"str": "string", "int": "number", "float": "number"}
    out = [f"// Domain model and pure helpers for {entity} records.", ""]
    if ts:
        out += [f"export interface {t} {{"] + [f"  {lower_camel(n)}: {tsty[ty]};" for n, ty in fs] + ["}", ""]
    out += [f"export function validate{t}(x{': ' + t if ts else ''}){': string[]' if ts else ''} {{",
            "  const problems = [];"]
    for name, ty in fs:
        n = lower_camel(name)
        cond = f"!x.{n} || x.{n}.trim() === ''" if ty == "str" else f"x.{n} < 0"
        out += [f"  if ({cond}) {{", f"    problems.push('bad {name}');", "  }"]
    out += ["  return problems;", "}", ""]
    nums = [lower_camel(n) for n, ty in fs if ty != "str"]
    for i in range(nfuncs):
        fn = f"{g.pick(['summarise', 'rank', 'bucket', 'score', 'merge'])}{t}s{i}"
        attr = f"item.{g.pick(nums)}" if nums else "index"
        sig = f"(items: {t}[], limit = {g.rng.randint(10, 500)}): Map<string, number>" if ts else f"(items, limit = {g.rng.randint(10, 500)})"
        mp = "new Map<string, number>()" if ts else "new Map()"
        out += [f"export function {fn}{sig} {{", f"  const totals = {mp};",
                "  items.slice(0, limit).forEach((item, index) => {",
                f"    const key = `{entity}-${{index % {g.rng.randint(3, 17)}}}`;",
                f"    totals.set(key, (totals.get(key) ?? 0) + Number({attr}) * {g.rng.randint(2, 9)}.5);",
                "  });", "  for (const [key, value] of totals) {",
                f"    if (value > {g.rng.randint(100, 9000)}) {{", "      totals.set(key, Math.sqrt(value));", "    }", "  }",
                "  return totals;", "}", ""]
    return out


def ts_server(g, svc, entity, traced, peer, ts):
    out = []
    if traced:
        out += ["import './tracing';", "import { trace } from '@opentelemetry/api';"]
    out += ["import express from 'express';", "", "const app = express();", "app.use(express.json());", ""]
    if traced:
        out += [f"const tracer = trace.getTracer('{svc}');", ""]
    req = "req: express.Request, res: express.Response" if ts else "req, res"
    out += [f"app.get('/{entity}s/:id', async ({req}) => {{"]
    if traced:
        out += [f"  await tracer.startActiveSpan('get-{entity}', async (span) => {{",
                "    try {",
                f"      const upstream = await fetch(`http://{peer}:8080/items/${{req.params.id}}`);",
                "      res.json(await upstream.json());", "    } finally {", "      span.end();", "    }", "  });"]
    else:
        out += [f"  const upstream = await fetch(`http://{peer}:8080/items/${{req.params.id}}`);",
                "  res.json(await upstream.json());"]
    out += ["});", "", f"app.post('/{entity}s', ({req}) => {{", "  res.status(201).json(req.body);", "});", "",
            "app.listen(8080);", ""]
    return out


def ts_tracing():
    return ["import { NodeSDK } from '@opentelemetry/sdk-node';",
            "import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';",
            "import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';", "",
            "const sdk = new NodeSDK({", "  traceExporter: new OTLPTraceExporter(),",
            "  instrumentations: [getNodeAutoInstrumentations()],", "});", "sdk.start();", "",
            "process.on('SIGTERM', () => {", "  sdk.shutdown().finally(() => process.exit(0));", "});", ""]


def gen_ecma(g, root, svc, traced, peer, ts):
    ext = "ts" if ts else "js"
    deps = {"express": "^4.19.2"}
    if traced:
        deps.update({"@opentelemetry/sdk-node": "^0.53.0", "@opentelemetry/api": "^1.9.0",
                     "@opentelemetry/auto-instrumentations-node": "^0.50.0",
                     "@opentelemetry/exporter-trace-otlp-grpc": "^0.53.0"})
    dep_lines = ",\n".join(f'    "{k}": "{v}"' for k, v in sorted(deps.items()))
    write(root, "package.json", ["{", f'  "name": "{svc}",', '  "version": "1.0.0",',
                                 f'  "main": "dist/server.js",', '  "type": "module",',
                                 '  "dependencies": {', dep_lines, "  }", "}", ""])
    ents = g.pick(ENTITIES, 4)
    write(root, f"src/server.{ext}", ts_server(g, svc, ents[0], traced, peer, ts))
    if traced:
        write(root, f"src/tracing.{ext}", ts_tracing())
    for i in range(BUSINESS_FILES + 4):
        e = g.pick(ENTITIES)
        sub = g.pick(["domain", "pricing", "rules", "lib"])
        write(root, f"src/{sub}/{e}-{i}.{ext}", ts_model(g, e, g.rng.randint(8, 16), ts))


# -------------------------------------------------------------------------------------- Java

JAVA_TYPES = {"str": "String", "int": "long", "float": "double"}


def java_model(g, pkg, cls, entity, nfuncs):
    fs = g.fields()
    out = [f"package {pkg};", "", "import java.util.ArrayList;", "import java.util.List;",
           "import java.util.Map;", "import java.util.TreeMap;", "",
           f"/** The {entity} record and pure helpers over it. */", f"public final class {cls} {{"]
    for name, ty in fs:
        out.append(f"    private {JAVA_TYPES[ty]} {lower_camel(name)};")
    out.append("")
    for name, ty in fs:
        n = lower_camel(name)
        out += [f"    public {JAVA_TYPES[ty]} get{camel(name)}() {{", f"        return {n};", "    }", "",
                f"    public void set{camel(name)}({JAVA_TYPES[ty]} value) {{", f"        this.{n} = value;", "    }", ""]
    out += ["    public List<String> validate() {", "        List<String> problems = new ArrayList<>();"]
    for name, ty in fs:
        n = lower_camel(name)
        cond = f"{n} == null || {n}.isBlank()" if ty == "str" else f"{n} < 0"
        out += [f"        if ({cond}) {{", f'            problems.add("bad {name}");', "        }"]
    out += ["        return problems;", "    }", ""]
    nums = [lower_camel(n) for n, ty in fs if ty != "str"]
    for i in range(nfuncs):
        fn = f"{g.pick(['summarise', 'rank', 'bucket', 'score', 'merge'])}{i}"
        attr = f"item.{g.pick(nums)}" if nums else "index"
        out += [f"    public static Map<String, Double> {fn}(List<{cls}> items, int limit) {{",
                "        Map<String, Double> totals = new TreeMap<>();",
                "        for (int index = 0; index < items.size() && index < limit; index++) {",
                f"            {cls} item = items.get(index);",
                f'            String key = "{entity}-" + (index % {g.rng.randint(3, 17)});',
                f"            totals.merge(key, (double) {attr} * {g.rng.randint(2, 9)}.5, Double::sum);",
                "        }", "        for (Map.Entry<String, Double> e : totals.entrySet()) {",
                f"            if (e.getValue() > {g.rng.randint(100, 9000)}) {{",
                "                e.setValue(Math.sqrt(e.getValue()));", "            }", "        }",
                "        return totals;", "    }", ""]
    out += ["}", ""]
    return out


def java_controller(g, pkg, svc, entity, traced, peer):
    t = camel(entity)
    out = [f"package {pkg};", "", "import java.net.URI;", "import java.net.http.HttpClient;",
           "import java.net.http.HttpRequest;", "import java.net.http.HttpResponse;",
           "import org.springframework.web.bind.annotation.GetMapping;",
           "import org.springframework.web.bind.annotation.PathVariable;",
           "import org.springframework.web.bind.annotation.RestController;"]
    if traced:
        out += ["import io.opentelemetry.api.GlobalOpenTelemetry;", "import io.opentelemetry.api.trace.Span;",
                "import io.opentelemetry.api.trace.Tracer;", "import io.opentelemetry.context.Scope;"]
    out += ["", "@RestController", f"public class {t}Controller {{",
            "    private final HttpClient client = HttpClient.newHttpClient();"]
    if traced:
        out += [f'    private final Tracer tracer = GlobalOpenTelemetry.getTracer("{svc}");']
    out += ["", f'    @GetMapping("/{entity}s/{{id}}")',
            "    public String get(@PathVariable String id) throws Exception {"]
    body = [f'        HttpRequest request = HttpRequest.newBuilder(URI.create("http://{peer}:8080/items/" + id)).build();',
            "        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();"]
    if traced:
        out += [f'        Span span = tracer.spanBuilder("get-{entity}").startSpan();',
                "        try (Scope scope = span.makeCurrent()) {"] + ["    " + b for b in body] + \
               ["        } finally {", "            span.end();", "        }"]
    else:
        out += body
    out += ["    }", "}", ""]
    return out


def gen_java(g, root, svc, traced, peer):
    pkg = "com.example." + svc.replace("-", "")
    deps = ["    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>"]
    if traced:
        deps.append("    <dependency><groupId>io.opentelemetry.instrumentation</groupId><artifactId>opentelemetry-spring-boot-starter</artifactId></dependency>")
    write(root, "pom.xml", ["<project>", "  <modelVersion>4.0.0</modelVersion>", "  <groupId>com.example</groupId>",
                            f"  <artifactId>{svc}</artifactId>", "  <version>1.0.0</version>", "  <dependencies>"]
          + deps + ["  </dependencies>", "</project>", ""])
    base = "src/main/java/" + pkg.replace(".", "/")
    ents = g.pick(ENTITIES, 4)
    write(root, f"{base}/Application.java", [f"package {pkg};", "",
          "import org.springframework.boot.SpringApplication;",
          "import org.springframework.boot.autoconfigure.SpringBootApplication;", "",
          "@SpringBootApplication", "public class Application {",
          "    public static void main(String[] args) {",
          "        SpringApplication.run(Application.class, args);", "    }", "}", ""])
    write(root, f"{base}/web/{camel(ents[0])}Controller.java", java_controller(g, pkg + ".web", svc, ents[0], traced, peer))
    for i in range(BUSINESS_FILES):
        e = g.pick(ENTITIES)
        sub = g.pick(["domain", "pricing", "rules"])
        cls = f"{camel(e)}{camel(g.pick(['record', 'entry', 'item', 'view']))}{i}"
        write(root, f"{base}/{sub}/{cls}.java", java_model(g, f"{pkg}.{sub}", cls, e, g.rng.randint(5, 10)))


# ---------------------------------------------------------------------------------------- C#

CS_TYPES = {"str": "string", "int": "long", "float": "double"}


def cs_model(g, ns, cls, entity, nfuncs):
    fs = g.fields()
    out = ["using System;", "using System.Collections.Generic;", "using System.Linq;", "",
           f"namespace {ns};", "", f"/// <summary>The {entity} record and pure helpers over it.</summary>",
           f"public sealed class {cls}", "{"]
    for name, ty in fs:
        out.append(f"    public {CS_TYPES[ty]} {camel(name)} {{ get; set; }}" + (' = "";' if ty == "str" else ""))
    out += ["", "    public IReadOnlyList<string> Validate()", "    {", "        var problems = new List<string>();"]
    for name, ty in fs:
        cond = f"string.IsNullOrWhiteSpace({camel(name)})" if ty == "str" else f"{camel(name)} < 0"
        out += [f"        if ({cond})", "        {", f'            problems.Add("bad {name}");', "        }"]
    out += ["        return problems;", "    }", ""]
    nums = [camel(n) for n, ty in fs if ty != "str"]
    for i in range(nfuncs):
        fn = f"{g.pick(['Summarise', 'Rank', 'Bucket', 'Score', 'Merge'])}{i}"
        attr = f"item.{g.pick(nums)}" if nums else "index"
        out += [f"    public static SortedDictionary<string, double> {fn}(IReadOnlyList<{cls}> items, int limit)", "    {",
                "        var totals = new SortedDictionary<string, double>();",
                "        for (var index = 0; index < items.Count && index < limit; index++)", "        {",
                "            var item = items[index];",
                f'            var key = $"{entity}-{{index % {g.rng.randint(3, 17)}}}";',
                "            totals.TryGetValue(key, out var current);",
                f"            totals[key] = current + (double){attr} * {g.rng.randint(2, 9)}.5;", "        }",
                "        foreach (var key in totals.Keys.ToList())", "        {",
                f"            if (totals[key] > {g.rng.randint(100, 9000)})", "            {",
                "                totals[key] = Math.Sqrt(totals[key]);", "            }", "        }",
                "        return totals;", "    }", ""]
    out += ["}", ""]
    return out


def cs_program(g, svc, entity, traced, peer):
    out = ["using System.Net.Http;"]
    if traced:
        out += ["using OpenTelemetry.Resources;", "using OpenTelemetry.Trace;"]
    out += ["", "var builder = WebApplication.CreateBuilder(args);", "builder.Services.AddHttpClient();"]
    if traced:
        out += ["builder.Services.AddOpenTelemetry()",
                f'    .ConfigureResource(r => r.AddService("{svc}"))',
                "    .WithTracing(t => t", "        .AddAspNetCoreInstrumentation()",
                "        .AddHttpClientInstrumentation()", "        .AddOtlpExporter());"]
    out += ["var app = builder.Build();", "",
            f'app.MapGet("/{entity}s/{{id}}", async (string id, IHttpClientFactory factory) =>', "{",
            "    var client = factory.CreateClient();",
            f'    return await client.GetStringAsync($"http://{peer}:8080/items/{{id}}");', "});", "",
            "app.Run();", ""]
    return out


def gen_csharp(g, root, svc, traced, peer):
    ns = "Shop." + camel(svc.replace("-", "_"))
    pkgs = ['    <PackageReference Include="Microsoft.Extensions.Http" Version="8.0.0" />']
    if traced:
        pkgs += ['    <PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.9.0" />',
                 '    <PackageReference Include="OpenTelemetry.Instrumentation.AspNetCore" Version="1.9.0" />',
                 '    <PackageReference Include="OpenTelemetry.Instrumentation.Http" Version="1.9.0" />',
                 '    <PackageReference Include="OpenTelemetry.Exporter.OpenTelemetryProtocol" Version="1.9.0" />']
    write(root, f"{camel(svc.replace('-', '_'))}.csproj",
          ['<Project Sdk="Microsoft.NET.Sdk.Web">', "  <PropertyGroup>", "    <TargetFramework>net8.0</TargetFramework>",
           "  </PropertyGroup>", "  <ItemGroup>"] + pkgs + ["  </ItemGroup>", "</Project>", ""])
    ents = g.pick(ENTITIES, 4)
    write(root, "Program.cs", cs_program(g, svc, ents[0], traced, peer))
    for i in range(BUSINESS_FILES):
        e = g.pick(ENTITIES)
        sub = g.pick(["Domain", "Pricing", "Rules"])
        cls = f"{camel(e)}{camel(g.pick(['record', 'entry', 'item', 'view']))}{i}"
        write(root, f"{sub}/{cls}.cs", cs_model(g, f"{ns}.{sub}", cls, e, g.rng.randint(5, 10)))


# -------------------------------------------------------------------------------------- Rust

RS_TYPES = {"str": "String", "int": "i64", "float": "f64"}


def rs_model(g, entity, nfuncs):
    t = camel(entity)
    fs = g.fields()
    out = [f"//! The {entity} record and pure helpers over it.", "", "use std::collections::BTreeMap;", "",
           f"/// A {entity} as the domain sees it.", "#[derive(Debug, Clone, Default)]", f"pub struct {t} {{"]
    for name, ty in fs:
        out.append(f"    pub {name}: {RS_TYPES[ty]},")
    out += ["}", "", f"impl {t} {{", "    /// The record's problems, if any.",
            "    pub fn validate(&self) -> Vec<String> {", "        let mut problems = Vec::new();"]
    for name, ty in fs:
        cond = f"self.{name}.trim().is_empty()" if ty == "str" else f"self.{name} < 0" + (".0" if ty == "float" else "")
        out += [f"        if {cond} {{", f'            problems.push("bad {name}".to_string());', "        }"]
    out += ["        problems", "    }", "}", ""]
    nums = [n for n, ty in fs if ty != "str"]
    for i in range(nfuncs):
        fn = f"{g.pick(['summarise', 'rank', 'bucket', 'score', 'merge'])}_{entity}s_{i}"
        attr = f"item.{g.pick(nums)} as f64" if nums else "index as f64"
        out += [f"/// Folds {entity} records into per-bucket totals.",
                f"pub fn {fn}(items: &[{t}], limit: usize) -> BTreeMap<String, f64> {{",
                "    let mut totals = BTreeMap::new();",
                "    for (index, item) in items.iter().enumerate().take(limit) {",
                f'        let key = format!("{entity}-{{}}", index % {g.rng.randint(3, 17)});',
                f"        *totals.entry(key).or_insert(0.0) += {attr} * {g.rng.randint(2, 9)}.5;", "    }",
                "    for value in totals.values_mut() {",
                f"        if *value > {g.rng.randint(100, 9000)}.0 {{", "            *value = value.sqrt();", "        }", "    }",
                "    totals", "}", ""]
    return out


def rs_main(g, svc, entity, traced, peer):
    out = ["use axum::{extract::Path, routing::get, Router};", ""]
    if traced:
        out += ["use opentelemetry::global;", "use opentelemetry_sdk::trace::TracerProvider;",
                "use tracing::instrument;", ""]
    out += ["mod domain;", ""]
    if traced:
        out += ["#[instrument]"]
    out += [f"async fn get_item(Path(id): Path<String>) -> String {{",
            f'    reqwest::get(format!("http://{peer}:8080/items/{{id}}"))', "        .await",
            "        .and_then(|r| r.error_for_status())", "        .map(|_| id)", "        .unwrap_or_default()",
            "}", "", "#[tokio::main]", "async fn main() {"]
    if traced:
        out += ["    let provider = TracerProvider::builder().build();",
                "    global::set_tracer_provider(provider.clone());"]
    out += [f'    let app = Router::new().route("/{entity}s/:id", get(get_item));',
            '    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await.unwrap();',
            "    axum::serve(listener, app).await.unwrap();"]
    if traced:
        out += ["    let _ = provider.shutdown();"]
    out += ["}", ""]
    return out


def gen_rust(g, root, svc, traced, peer):
    deps = ['axum = "0.7"', 'reqwest = "0.12"', 'tokio = { version = "1", features = ["full"] }']
    if traced:
        deps += ['opentelemetry = "0.24"', 'opentelemetry_sdk = "0.24"', 'tracing = "0.1"']
    write(root, "Cargo.toml", ["[package]", f'name = "{svc}"', 'version = "0.1.0"', 'edition = "2021"', "",
                               "[dependencies]"] + deps + [""])
    ents = g.pick(ENTITIES, 4)
    write(root, "src/main.rs", rs_main(g, svc, ents[0], traced, peer))
    mods = []
    for i in range(BUSINESS_FILES):
        e = g.pick(ENTITIES)
        name = f"{e}_{i}"
        mods.append(f"pub mod {name};")
        write(root, f"src/domain/{name}.rs", rs_model(g, e, g.rng.randint(8, 16)))
    write(root, "src/domain/mod.rs", ["//! Domain records."] + mods + [""])


# ------------------------------------------------------------------------------------ driver

LANGS = [("go", gen_go), ("py", gen_python), ("js", lambda g, r, s, t, p: gen_ecma(g, r, s, t, p, False)),
         ("ts", lambda g, r, s, t, p: gen_ecma(g, r, s, t, p, True)), ("java", gen_java),
         ("cs", gen_csharp), ("rs", gen_rust)]
# Share of services per language (JS and TS share one language's share).
WEIGHTS = {"go": 1.0, "py": 1.0, "js": 0.5, "ts": 0.5, "java": 1.0, "cs": 1.0, "rs": 1.0}

COUNTS = {"files": 0, "lines": 0, "bytes": 0}


def write(root, rel, lines):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = "\n".join(lines)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    COUNTS["files"] += 1
    COUNTS["lines"] += text.count("\n")
    COUNTS["bytes"] += len(text.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", help="output directory (replaced if it exists)")
    ap.add_argument("--scale", type=float, default=1.0, help="size factor (1 ≈ one million lines)")
    ap.add_argument("--seed", type=int, default=1, help="random seed")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    out = args.out or os.path.join(here, "..", "target", f"bench-monorepo-s{args.scale:g}")
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    rng = random.Random(args.seed)
    g = Gen(rng)
    for short, fn in LANGS:
        n = max(1, round(SERVICES_PER_LANG * args.scale * WEIGHTS[short]))
        for i in range(n):
            svc = f"{SERVICE_WORDS[i % len(SERVICE_WORDS)]}-{short}-{i}"
            peer = f"{SERVICE_WORDS[(i + 1) % len(SERVICE_WORDS)]}-{short}-{(i + 1) % n}"
            traced = i % 2 == 0
            fn(g, os.path.join(out, "services", short, svc), svc, traced, peer)
    write(out, "README.md", ["# Generated benchmark monorepo", "",
                             f"scale {args.scale:g}, seed {args.seed}; generated by benches/gen.py.", ""])
    print(f"{out}: {COUNTS['files']} files, {COUNTS['lines']} lines, {COUNTS['bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
