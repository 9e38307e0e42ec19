// Conventional names, and spans without a kind.
const { trace, SpanKind } = require('@opentelemetry/api');

const tracer = trace.getTracer('orders');
const PROCESS = 'process orders';

function serve() {
  tracer.startSpan('GET /orders/:id', { kind: SpanKind.SERVER }).end();
  tracer.startSpan('GET', { kind: SpanKind.CLIENT }).end();
  tracer.startSpan(PROCESS, { kind: SpanKind.CONSUMER }).end();
  tracer.startSpan('/orders').end();
}

module.exports = { serve };
