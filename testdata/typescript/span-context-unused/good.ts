// Spans made current before work below them, and leaf spans with nothing below.
import { trace, context } from '@opentelemetry/api';
import axios from 'axios';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

const tracer = trace.getTracer('shop');

async function checkout(cart) {
  const span = tracer.startSpan('checkout');
  try {
    await context.with(trace.setSpan(context.active(), span), () =>
      axios.post('http://payments/charge', cart),
    );
  } finally {
    span.end();
  }
}

async function active(cart) {
  return tracer.startActiveSpan('active', async (span) => {
    try {
      return await axios.post('http://payments/charge', cart);
    } finally {
      span.end();
    }
  });
}

// A leaf span: nothing below it.
function leaf() {
  const span = tracer.startSpan('leaf');
  span.setAttribute('k', 1);
  span.end();
}

// Work after the span ended is not below it.
async function after(cart) {
  const span = tracer.startSpan('after');
  span.end();
  await axios.post('http://payments/charge', cart);
}
