// The provider comes from a factory; registering it names the propagator explicitly.
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import { CompositePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';

export const setupTracerProvider = (url: string) => new WebTracerProvider();

export function init(url: string) {
  const provider = setupTracerProvider(url);
  provider.register({
    propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator()] }),
  });
  registerInstrumentations({ instrumentations: [new FetchInstrumentation()] });
}
