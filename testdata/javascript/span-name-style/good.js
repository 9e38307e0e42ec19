// No clear majority, one-word names, server spans and computed names are not judged.
const { trace, SpanKind } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');

function work(step) {
  tracer.startSpan('loadOrder').end();
  tracer.startSpan('priceOrder').end();
  tracer.startSpan('ship_order').end();
  tracer.startSpan('notify_customer').end();
  tracer.startSpan('closeOrder').end();
  tracer.startSpan('audit').end();
  tracer.startSpan(`step${step}`).end();
  tracer.startSpan('GET /orders', { kind: SpanKind.SERVER }).end();
}

module.exports = { work };
