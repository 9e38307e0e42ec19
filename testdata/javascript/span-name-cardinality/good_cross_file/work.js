// Names with bounded holes: the method, constants from another module, a topic read once.
const { trace, SpanKind } = require('@opentelemetry/api');
const { SpanNames, orderPath } = require('./names');

const tracer = trace.getTracer('orders');
const topic = process.env.ORDERS_TOPIC;

function serve(req) {
  return tracer.startActiveSpan(`${req.method} /orders/:id`, { kind: SpanKind.SERVER }, (span) => {
    span.end();
  });
}

function load() {
  const span = tracer.startSpan(`${SpanNames.loadPath}.db`);
  span.end();
  const other = tracer.startSpan('list ' + orderPath);
  other.end();
}

function publish(status) {
  const span = tracer.startSpan(`publish ${topic}`, { kind: SpanKind.PRODUCER });
  span.end();
  const s = tracer.startSpan(`order.${status}`);
  s.end();
}

module.exports = { serve, load, publish };
