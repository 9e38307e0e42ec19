// Server, client and messaging spans whose names contradict the conventions.
import { trace, SpanKind } from '@opentelemetry/api';

const tracer = trace.getTracer('orders');

function serve() {
  tracer.startSpan('/orders', { kind: SpanKind.SERVER }).end(); // expect: span-name-semconv
  tracer.startSpan('HTTP GET', { kind: SpanKind.CLIENT }).end(); // expect: span-name-semconv
  tracer.startSpan('orders process', { kind: SpanKind.CONSUMER }).end(); // expect: span-name-semconv
}

export { serve };
