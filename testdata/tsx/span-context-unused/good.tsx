// startActiveSpan makes the span current for the fetch below it.
import { useEffect } from 'react';
import { trace } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';

registerInstrumentations({ instrumentations: [new FetchInstrumentation()] });
const tracer = trace.getTracer('web');

export function Cart() {
  useEffect(() => {
    tracer.startActiveSpan('load-cart', (span) => {
      fetch('/api/cart').finally(() => span.end());
    });
  }, []);
  return <ul />;
}
