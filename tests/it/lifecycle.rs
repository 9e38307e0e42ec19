//! Span lifecycles on exit paths, per language: which exits leak a started span. These pin the
//! shapes the shared walker (`lang::core::lifecycle`) must keep for each language, including
//! some the fixtures and the ecosystem corpus do not reach (a span started in a nested block,
//! loops without an exit, `break` in a switch section, a `finally` passed on the way out).
//! Lines in expectations are 1-based; `}` is the line of the function's closing brace.

use tracewire::extract::{extract_source, Extractors, FileOutcome, PhaseTimes};
use tracewire::knowledge::KnowledgeBase;
use tracewire::lang::Lang;

/// `name: lifecycle` for every span started in `src`, in source order; leaks as their lines.
fn lifecycles(lang: Lang, rel: &str, src: &str) -> Vec<String> {
    let knowledge = KnowledgeBase::load(&Lang::ALL, &[]).unwrap();
    let extractors = Extractors::new(&knowledge).unwrap();
    let facts = match extract_source(
        rel,
        lang,
        src.as_bytes(),
        &extractors,
        &PhaseTimes::default(),
    ) {
        FileOutcome::Facts(f) => serde_json::to_value(&f).unwrap(),
        FileOutcome::Skipped(s) => panic!("{rel} skipped: {}", s.reason),
    };
    let mut out = Vec::new();
    for fact in facts["facts"].as_array().unwrap() {
        let kind = &fact["kind"];
        if kind["kind"] != "span-started" {
            continue;
        }
        let name = kind["name"].as_str().unwrap_or("?");
        let lifecycle = match &kind["lifecycle"] {
            serde_json::Value::String(s) => s.clone(),
            other => {
                let lines: Vec<String> = other["leaks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| l["line"].to_string())
                    .collect();
                format!("leaks {}", lines.join(","))
            }
        };
        out.push(format!("{name}: {lifecycle}"));
    }
    out
}

const GO: &str = r#"package orders

import (
	"context"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("orders")

func Nested(ctx context.Context, ok bool) {
	if ok {
		ctx, span := tracer.Start(ctx, "nested")
		save(ctx)
	}
	save(ctx)
}

func Endless(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "endless")
	for {
		if done(ctx) {
			span.End()
			return
		}
	}
}

func Breaks(ctx context.Context) {
	ctx, span := tracer.Start(ctx, "breaks")
	for {
		if done(ctx) {
			break
		}
	}
	return
}

func Panics(ctx context.Context, bad bool) {
	ctx, span := tracer.Start(ctx, "panics")
	if bad {
		panic("bad")
	}
	save(ctx)
	span.End()
}

func Selects(ctx context.Context, c chan int) error {
	ctx, span := tracer.Start(ctx, "selects")
	select {
	case <-c:
		span.End()
	default:
		return nil
	}
	return nil
}

func Labelled(ctx context.Context, xs []int) {
	ctx, span := tracer.Start(ctx, "labelled")
outer:
	for _, x := range xs {
		if x > 0 {
			break outer
		}
	}
	span.End()
}
"#;

#[test]
fn go_exits() {
    assert_eq!(
        lifecycles(Lang::Go, "orders.go", GO),
        [
            // Followed out of the `if` into the body: falls off the end.
            "nested: leaks 17",
            // `for {}` with no `break` never reaches what follows.
            "endless: ended",
            "breaks: leaks 36",
            "panics: ended",
            // Without a default, `select` may pass by every arm; here the default returns.
            "selects: leaks 54",
            "labelled: ended",
        ]
    );
}

const JS: &str = r#"const { trace } = require('@opentelemetry/api');
const tracer = trace.getTracer('orders');

function nested(ok) {
  if (ok) {
    const span = tracer.startSpan('nested');
    work();
  }
  return 1;
}

function covered(x) {
  const span = tracer.startSpan('covered');
  try {
    if (x) return 1;
    throw new Error('x');
  } finally {
    span.end();
  }
}

function thrown(x) {
  const span = tracer.startSpan('thrown');
  try {
    if (x) throw new Error('a');
  } catch (e) {
    work(e);
  }
  if (x > 1) throw new Error('b');
  span.end();
}

function inside(a) {
  let span;
  try {
    span = tracer.startSpan('inside');
    if (a) return 1;
  } finally {
    span.end();
  }
}

function switched(k) {
  const span = tracer.startSpan('switched');
  switch (k) {
    case 1:
      span.end();
      break;
    case 2:
      process.exit(1);
    default:
      return 0;
  }
  return 1;
}

function active(a) {
  return tracer.startActiveSpan('active', (span) => {
    if (a) {
      return 1;
    }
    work();
  });
}
"#;

#[test]
fn javascript_exits() {
    assert_eq!(
        lifecycles(Lang::JavaScript, "orders.js", JS),
        [
            // A span started in a nested block is not followed out of it.
            "nested: ended",
            // A `finally` that ends the span covers its `try`.
            "covered: ended",
            // A caught `throw` is not an exit; an uncaught one is.
            "thrown: leaks 29",
            // Passing a `try` whose `finally` ends the span on the way out.
            "inside: ended",
            // Arms are branches: one ends the span, one exits the process, the default leaks.
            "switched: leaks 52",
            // A callback handed the span: each exit, and falling off its end.
            "active: leaks 60,63",
        ]
    );
}

const CS: &str = r#"using System;
using System.Diagnostics;

public class Orders
{
    private static readonly ActivitySource Source = new("Orders");

    public int Endless(int n)
    {
        var activity = Source.StartActivity("endless");
        while (true)
        {
            if (n > 3) { activity?.Stop(); return n; }
            n++;
        }
    }

    public void Thrown(int n)
    {
        var activity = Source.StartActivity("thrown");
        if (n < 0) throw new ArgumentException();
        try { Work(); } catch (Exception) { return; }
        activity?.Stop();
    }

    public int Section(int n)
    {
        var activity = Source.StartActivity("section");
        switch (n)
        {
            case 1:
                activity?.Stop();
                break;
            case 2:
                break;
                return 2;
            default:
                return 0;
        }
        return 1;
    }

    public void Nested(bool ok)
    {
        if (ok)
        {
            var activity = Source.StartActivity("nested");
            Work();
        }
        Work();
    }

    public System.Collections.Generic.IEnumerable<int> Yields(int n)
    {
        var activity = Source.StartActivity("yields");
        yield return n;
        if (n > 1) yield break;
        activity?.Stop();
    }
}
"#;

#[test]
fn csharp_exits() {
    assert_eq!(
        lifecycles(Lang::CSharp, "Orders.cs", CS),
        [
            "endless: ended",
            // `throw` is not reported; the `return` in the catch clause is.
            "thrown: leaks 22",
            // `break` ends its section: what follows it is not followed.
            "section: leaks 38,40",
            // Followed out of the `if` into the body: falls off the end.
            "nested: leaks 51",
            "yields: leaks 57",
        ]
    );
}

const JAVA: &str = r#"package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

public class Orders {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    public void risky(int n) {
        Span span = tracer.spanBuilder("risky").startSpan();
        span.setAttribute("n", compute(n));
        log.info("working");
        save(n);
        span.end();
    }

    public void thrown(int n) {
        Span span = tracer.spanBuilder("thrown").startSpan();
        try {
            if (n < 0) throw new IllegalStateException();
        } catch (IllegalStateException e) {
            log.warn("bad");
        }
        if (n > 9) throw new IllegalArgumentException();
        span.end();
    }

    public int valued(int n) {
        Span span = tracer.spanBuilder("valued").startSpan();
        if (n > 0) {
            return n;
        }
        span.end();
        return 0;
    }

    public void inside(int n) {
        try {
            Span span = tracer.spanBuilder("inside").startSpan();
            save(n);
            if (n > 1) throw new IllegalStateException();
            span.end();
        } catch (RuntimeException e) {
            log.warn("caught");
        }
    }

    public void once(int n) {
        Span span = tracer.spanBuilder("once").startSpan();
        do {
            span.end();
        } while (n-- > 0);
    }

    public void switched(int k) {
        Span span = tracer.spanBuilder("switched").startSpan();
        switch (k) {
            case 1:
                span.end();
                break;
            // not a default
            default:
                span.end();
                break;
                return;
        }
    }

    public void forever(int n) {
        Span span = tracer.spanBuilder("forever").startSpan();
        while (true) {
            if (n > 3) {
                span.end();
                return;
            }
            n++;
        }
    }

    public void guarded(boolean ok) {
        Span span;
        if (ok) span = tracer.spanBuilder("guarded").startSpan();
        else return;
        outer:
        synchronized (this) {
            if (ok) return;
        }
        span.end();
    }

    public void lambda() {
        run(() -> {
            Span span = tracer.spanBuilder("lambda").startSpan();
            span.end();
            run(() -> span.end());
        });
        Runnable r = () -> {
            Span span = tracer.spanBuilder("open").startSpan();
            save(1);
        };
    }

    public Orders() {
        Span span = tracer.spanBuilder("ctor").startSpan();
        span.setAttribute("a", 1);
    }
}
"#;

#[test]
fn java_exits() {
    assert_eq!(
        lifecycles(Lang::Java, "Orders.java", JAVA),
        [
            // No leaking exit: the first call that may throw, with nothing catching, leaks.
            "risky: leaks 14",
            // The `throw` inside the `try` is caught; the later one is not.
            "thrown: leaks 25",
            // A method that returns a value does not fall off its end.
            "valued: leaks 32",
            // Started inside a `try` with a `catch`: its throws are caught.
            "inside: ended",
            // A `do` body runs once: its end counts after the loop.
            "once: ended",
            // `break` passes through: the `return` after it is followed. A comment in the
            // switch body is an arm that passes by.
            "switched: leaks 68",
            "forever: ended",
            // Started by the branch of an `if`; a label and `synchronized` are followed.
            "guarded: leaks 87",
            "lambda: ended",
            // A lambda falls off its end.
            "open: leaks 101",
            "ctor: leaks 107",
        ]
    );
}

const PY: &str = r#"from opentelemetry import context, trace

tracer = trace.get_tracer(__name__)


def returned(x):
    span = tracer.start_span("returned")
    if x:
        return span.end()
    elif x is None:
        raise ValueError(x)
    work(x)


def guarded(x):
    span = tracer.start_span("guarded")
    if x:
        span.end()
    if span:
        span.end()


def tried(x):
    span = tracer.start_span("tried")
    try:
        span.end()
        work(x)
    except ValueError:
        return 1
    else:
        return 2
    finally:
        log(x)


def late(x):
    span = tracer.start_span("late")
    try:
        work(x)
        span.end()
    except* ValueError:
        return 1


def looped(xs):
    span = tracer.start_span("looped")
    for x in xs:
        span.end()
    while xs:
        return 1
    else:
        return 2


def elsed(xs):
    span = tracer.start_span("elsed")
    for x in xs:
        work(x)
    else:
        x = [span.end()]
    return 3


def nested(x):
    if x:
        span = tracer.start_span("nested")
        work(x)
    work(x)


def covered(x):
    try:
        if x:
            span = tracer.start_span("covered")
            return 1
    finally:
        cleanup(span.end())


def withs(x):
    span = tracer.start_span("withs")
    with lock:
        if x:
            return 1
    with span:
        return 2


def matched(x):
    span = tracer.start_span("matched")
    match x:
        case 1:
            span.end()
        case _:
            raise KeyError(x)
    def inner():
        return 1
    print("done")
"#;

#[test]
fn python_exits() {
    assert_eq!(
        lifecycles(Lang::Python, "orders.py", PY),
        [
            // A `return` that ends the span is not a leak; falling off is reported at the last
            // statement.
            "returned: leaks 11,12",
            // `if span:` without `else`: when the guard fails there is nothing to end.
            "guarded: ended",
            // The body's first statement ends the span: the `except` clauses start ended.
            "tried: ended",
            "late: leaks 42",
            // An end inside a loop body counts after the loop.
            "looped: ended",
            // The loop's `else` runs after it.
            "elsed: ended",
            // Followed out of the `if` into the body.
            "nested: leaks 68",
            // A `finally` that ends the span anywhere covers the `try` around the start.
            "covered: ended",
            "withs: leaks 84",
            // A nested function is not followed.
            "matched: leaks 95,98",
        ]
    );
}

/// Python shapes where the walk differs from a plain one: a span started in a `finally` is not
/// covered by it, a guard ends an `elif` chain, `try` with `else` and `except*`, a loop `else`
/// that returns, a `with span:` inside `finally` (only end calls count there).
const PY_MORE: &str = r#"from opentelemetry import context, trace

tracer = trace.get_tracer(__name__)


def f1(x):
    try:
        work()
    finally:
        span = tracer.start_span("f1")
        if x:
            span.end()
    return 1


def f2(x):
    span = tracer.start_span("f2")
    if span:
        work()
    elif x:
        return 1


def f3(x):
    span = tracer.start_span("f3")
    try:
        if x:
            span.end()
        else:
            span.end()
        work()
    except* KeyError:
        return 0
    except ValueError:
        raise
    else:
        if x:
            return 2
    finally:
        pass
    return 3


def f4(xs):
    span = tracer.start_span("f4")
    while xs:
        if xs:
            break
        return 1
    else:
        return 2
    return 3


def f6(x):
    span = tracer.start_span("f6")
    try:
        return 1
    finally:
        with span:
            pass


def f10(x):
    if x:
        pass
    elif x > 1:
        span = tracer.start_span("f10")
        if x:
            raise KeyError
    else:
        return 1
    return 2


def f13(x):
    span = tracer.start_span("f13")
    try:
        pass
    except:
        pass
    finally:
        if x:
            return 4
    span.end()


def f15(x):
    try:
        span = tracer.start_span("f15")
        return 1
    except KeyError:
        span.end()
    finally:
        work()


def f16(x):
    span = tracer.start_span("f16")
    if x:
        span.end()
    elif x == 2:
        pass
    else:
        return 1
    if span is not None:
        span.end()
    return 2


def f19(xs):
    span = tracer.start_span("f19")
    for x in xs:
        span.end()
        try:
            work(x)
        finally:
            return 1
    else:
        raise ValueError()
"#;

#[test]
fn python_more_exits() {
    assert_eq!(
        lifecycles(Lang::Python, "more.py", PY_MORE),
        [
            // Started in a `finally` that ends it on one branch: what follows the `try` leaks.
            "f1: leaks 13",
            // `if span:` then `elif` without `else`: the guard covers the missing branch, but the
            // first branch falls through open (reported at the last statement).
            "f2: leaks 21,18",
            // The body's first statement ends the span on both branches.
            "f3: ended",
            // A loop `else` runs after the loop.
            "f4: leaks 49,51",
            // In a `finally` only end calls count.
            "f6: leaks 58",
            "f10: leaks 70,73",
            // A `return` in the `finally` runs after the body.
            "f13: leaks 84",
            "f15: leaks 91",
            "f16: leaks 105",
            // Once ended, a statement is not followed: the loop body counts as ending the span
            // although its `finally` returns.
            "f19: ended",
        ]
    );
}

/// Java shapes: a start in a switch rule, a labelled `break` out of an endless loop, a `return`
/// in a `do` body, nested `try` in a `catch`, a constructor, a `catch` two `try`s out.
const JAVA_MORE: &str = r#"package shop;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.api.trace.Tracer;

public class Orders {
    private final Tracer tracer = GlobalOpenTelemetry.getTracer("orders");

    public int a1(int k) {
        Span span;
        switch (k) {
            case 1 -> span = tracer.spanBuilder("a1").startSpan();
            default -> { return 0; }
        }
        if (k > 2) throw new RuntimeException();
        span.end();
        return 1;
    }

    public void a2(int n) {
        Span span = tracer.spanBuilder("a2").startSpan();
        outer:
        for (;;) {
            for (int i = 0; i < n; i++) {
                if (i > 3) break outer;
            }
        }
        span.end();
    }

    public void a3(int n) {
        Span span = tracer.spanBuilder("a3").startSpan();
        do {
            if (n > 3) return;
            work(n);
        } while (n-- > 0);
        span.end();
    }

    public void a4(int n) throws Exception {
        Span span = tracer.spanBuilder("a4").startSpan();
        try (var in = open()) {
            work(n);
        } catch (Exception e) {
            try {
                work(2);
            } catch (Exception f) {
                return;
            }
            throw e;
        }
        span.end();
    }

    public int a5(int k) {
        Span span = tracer.spanBuilder("a5").startSpan();
        int v = switch (k) {
            case 1 -> { yield 2; }
            default -> 3;
        };
        span.end();
        return v;
    }

    public void a6(int n) {
        Span span = tracer.spanBuilder("a6").startSpan();
        Runnable r = new Runnable() {
            public void run() {
                work(1);
            }
        };
        while (true) {
            if (n > 1) {
                span.end();
                break;
            }
        }
    }

    public int a7(int n) {
        Span span = tracer.spanBuilder("a7").startSpan();
        if (n > 0) throw new IllegalStateException();
        synchronized (this) {
            span.end();
        }
        return 1;
    }

    public Orders(int n) {
        this();
        Span span = tracer.spanBuilder("a8").startSpan();
        try {
            work(n);
            if (n > 1) return;
        } finally {
            work(3);
        }
        span.end();
    }

    public void a9(int n) {
        try {
            try {
                Span span = tracer.spanBuilder("a9").startSpan();
                work(n);
                span.end();
            } finally {
                work(1);
            }
        } catch (Exception e) {
            return;
        }
    }

    public void a10(int n) {
        Span span = tracer.spanBuilder("a10").startSpan();
        Scope scope = span.makeCurrent();
        try {
            work(n);
        } catch (RuntimeException e) {
            log.warn("x");
        }
        scope.close();
        switch (n) {
            // comment
            case 1: work(1);
            case 2: { span.end(); break; }
            default: span.end();
        }
    }

    public void a11(int n) {
        Span span = tracer.spanBuilder("a11").startSpan();
        label: {
            if (n > 1) break label;
            span.end();
        }
        for (String s : list) {
            return;
        }
    }
}
"#;

#[test]
fn java_more_exits() {
    assert_eq!(
        lifecycles(Lang::Java, "More.java", JAVA_MORE),
        [
            "a1: leaks 17",
            // A `break` anywhere inside makes `for (;;)` one that ends.
            "a2: ended",
            "a3: leaks 36",
            // The `return` in the inner `catch`, then the `throw` that nothing catches.
            "a4: leaks 50,52",
            // A switch expression is an expression: `yield` is not an exit.
            "a5: ended",
            // `while (true)` with a `break` inside is followed past: the end in its body does not
            // count after it.
            "a6: leaks 80",
            "a7: leaks 84",
            // A `finally` without the end call is not followed.
            "a8: leaks 96",
            // The outer `catch` catches what the inner `try` body throws.
            "a9: ended",
            // A comment in the switch body is an arm that passes by: falls off open.
            "a10: leaks 132",
            "a11: ended",
        ]
    );
}
