// A basic provider with the propagator installed by hand.
const { BasicTracerProvider } = require('@opentelemetry/sdk-trace-base');
const { W3CTraceContextPropagator } = require('@opentelemetry/core');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { trace, propagation } = require('@opentelemetry/api');

const provider = new BasicTracerProvider();
trace.setGlobalTracerProvider(provider);
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
process.on('SIGTERM', () => provider.shutdown());

const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(8080);
