// The span is ended in finally, and a startActiveSpan callback ends its span.
import { trace } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';

registerInstrumentations({ instrumentations: [new FetchInstrumentation()] });
const tracer = trace.getTracer('web');

export function BuyButton({ sku }: { sku: string }) {
  const onClick = () =>
    tracer.startActiveSpan('buy', async (span) => {
      try {
        const res = await fetch(`/api/buy/${sku}`);
        if (!res.ok) {
          return;
        }
      } finally {
        span.end();
      }
    });
  const onHover = () =>
    tracer.startActiveSpan('hover', (span) => {
      span.end();
    });
  return (
    <button onClick={onClick} onMouseEnter={onHover}>
      Buy
    </button>
  );
}
