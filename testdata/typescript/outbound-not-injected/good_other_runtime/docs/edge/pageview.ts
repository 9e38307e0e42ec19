// An edge function of the documentation site, beside a Go server: it runs in a process of its
// own, and no TypeScript file of the service uses OpenTelemetry, so no trace is in flight.
const ENDPOINT = 'https://analytics.example.org/v1/pageview';

export default async function handler(request: Request): Promise<Response> {
  await fetch(ENDPOINT, { method: 'POST', body: JSON.stringify({ url: request.url }) });
  return new Response('ok');
}
