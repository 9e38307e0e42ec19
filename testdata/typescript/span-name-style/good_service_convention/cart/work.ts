import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('cart');

export function work() {
  tracer.startSpan('loadCart').end();
  tracer.startSpan('priceCart').end();
}
