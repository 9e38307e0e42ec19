// startSpan does not make the span current: the fetch and the child span below attach to
// whatever was active before, not to `checkout`.
import { trace } from '@opentelemetry/api';
import axios from 'axios';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

const tracer = trace.getTracer('shop');

async function checkout(cart) {
  const span = tracer.startSpan('checkout'); // expect: span-context-unused
  try {
    await axios.post('http://payments/charge', cart);
    const child = tracer.startSpan('reserve');
    child.end();
  } finally {
    span.end();
  }
}
