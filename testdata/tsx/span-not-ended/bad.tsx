// A component whose click handler leaks its span when the request fails.
import { trace } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';

registerInstrumentations({ instrumentations: [new FetchInstrumentation()] });
const tracer = trace.getTracer('web');

export function BuyButton({ sku }: { sku: string }) {
  const onClick = () =>
    tracer.startActiveSpan('buy', async (span) => { // expect: span-not-ended
      const res = await fetch(`/api/buy/${sku}`);
      if (!res.ok) {
        return;
      }
      span.end();
    });
  return <button onClick={onClick}>Buy</button>;
}
