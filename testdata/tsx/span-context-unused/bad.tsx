// startSpan does not make the span current: the fetch is not under `load-cart`.
import { useEffect } from 'react';
import { trace } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';

registerInstrumentations({ instrumentations: [new FetchInstrumentation()] });
const tracer = trace.getTracer('web');

export function Cart() {
  useEffect(() => {
    const span = tracer.startSpan('load-cart'); // expect: span-context-unused
    fetch('/api/cart').finally(() => span.end());
  }, []);
  return <ul />;
}
