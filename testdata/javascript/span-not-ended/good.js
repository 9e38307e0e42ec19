// Spans ended in finally, on every branch, in a callback, or handed to a caller.
const { trace, context } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');

function place(order) {
  return tracer.startActiveSpan('place', (span) => {
    try {
      if (!order.id) {
        return null;
      }
      return save(order);
    } finally {
      span.end();
    }
  });
}

function charge(amount) {
  const span = tracer.startSpan('charge');
  try {
    if (amount <= 0) {
      throw new Error('bad amount');
    }
  } catch (err) {
    span.recordException(err);
    throw err;
  } finally {
    span.end();
  }
}

function branches(x) {
  const span = tracer.startSpan('branches');
  if (x) {
    span.end();
    return 1;
  }
  span.end();
  return 2;
}

// Handed to the caller, who ends it.
function begin(name) {
  const span = tracer.startSpan(name);
  return span;
}

// Stored on an object; ended in close().
class Job {
  start() {
    this.span = tracer.startSpan('job');
  }
  close() {
    this.span.end();
  }
}

// Ended in a promise callback.
function later(p) {
  const span = tracer.startSpan('later');
  return p.then(() => span.end());
}

// Made current, then ended.
function active() {
  const span = tracer.startSpan('active');
  context.with(trace.setSpan(context.active(), span), () => save());
  span.end();
}

// A one-liner that ends its span.
function quick() {
  tracer.startActiveSpan('quick', (span) => span.end());
  tracer.startSpan('chained').end();
}

function save() {}
