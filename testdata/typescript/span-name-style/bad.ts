// Internal span names are camelCase, except two.
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('orders');
const SHIP = 'shipOrder';

function work() {
  tracer.startSpan('loadOrder').end();
  tracer.startSpan('priceOrder').end();
  tracer.startSpan(SHIP).end();
  tracer.startSpan('notifyCustomer').end();
  tracer.startSpan('closeOrder').end();
  tracer.startSpan('charge_card').end(); // expect: span-name-style
  tracer.startSpan('audit.order').end(); // expect: span-name-style
}

export { work };
