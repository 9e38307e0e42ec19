// Span names built from values that vary per request.
import { trace, SpanKind } from '@opentelemetry/api';

const tracer = trace.getTracer('orders');

function byUrl(req: { url: string }) {
  return tracer.startActiveSpan(`GET ${req.url}`, { kind: SpanKind.SERVER }, (span) => { // expect: span-name-cardinality
    span.end();
  });
}

function byOrder(orderId: string) {
  const span = tracer.startSpan('load order ' + orderId); // expect: span-name-cardinality
  span.end();
}

function byUser(req: { params: { userId: string } }) {
  const span = tracer.startSpan(`profile ${req.params.userId}`); // expect: span-name-cardinality
  span.end();
}

export { byUrl, byOrder, byUser };
