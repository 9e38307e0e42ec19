// Switching providers later keeps the propagator registered at start-up.
import { trace } from '@opentelemetry/api';
import { setupTracerProvider } from './tracer';

export async function onSetURL(value: string) {
  trace.disable();
  const provider = setupTracerProvider(value);
  trace.setGlobalTracerProvider(provider);
  await fetch(value);
}
