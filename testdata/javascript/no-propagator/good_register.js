// NodeTracerProvider#register() installs W3C trace context and baggage by default.
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');

const provider = new NodeTracerProvider();
provider.register();
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
process.on('SIGTERM', () => provider.shutdown());

const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(8080);
