// Span names built from values that vary per request.
const { trace, SpanKind } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');

function byUrl(req) {
  return tracer.startActiveSpan(`GET ${req.url}`, { kind: SpanKind.SERVER }, (span) => { // expect: span-name-cardinality
    span.end();
  });
}

function byOrder(orderId) {
  const span = tracer.startSpan('load order ' + orderId); // expect: span-name-cardinality
  span.end();
}

function byUser(req) {
  const span = tracer.startSpan(`profile ${req.params.userId}`); // expect: span-name-cardinality
  span.end();
}

module.exports = { byUrl, byOrder, byUser };
