// The page sets up a web tracer, so its requests carry a trace, but nothing instruments fetch.
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';

const provider = new WebTracerProvider();
provider.register();

export async function loadCart() {
  return fetch('/api/cart'); // expect: outbound-not-injected
}
