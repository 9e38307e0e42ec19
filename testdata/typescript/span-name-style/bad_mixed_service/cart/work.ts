import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('cart');

export function work() {
  tracer.startSpan('loadCart').end(); // expect: span-name-style
  tracer.startSpan('price_cart').end();
}
