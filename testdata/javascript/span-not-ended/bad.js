// Spans that leak on some path, or are thrown away.
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');

// startActiveSpan does not end the span: the early return leaks it.
function place(order) {
  return tracer.startActiveSpan('place', (span) => { // expect: span-not-ended
    if (!order.id) {
      return null;
    }
    save(order);
    span.end();
    return order.id;
  });
}

// The callback never ends the span at all.
async function load(id) {
  return tracer.startActiveSpan('load', async (span) => { // expect: span-not-ended
    span.setAttribute('id', id);
    return fetchRow(id);
  });
}

// startSpan leaks when validation throws.
function charge(amount) {
  const span = tracer.startSpan('charge'); // expect: span-not-ended
  if (amount <= 0) {
    throw new Error('bad amount');
  }
  span.end();
}

// Thrown away: nothing can end it.
function audit() {
  tracer.startSpan('audit'); // expect: span-not-ended
}

function save() {}
function fetchRow() {}
