// The SDK the tracing module returns is dropped: the handler calls shutdown on an `sdk` that
// nothing in this module declares, so it throws instead.
const startTracing = require('./tracing');

startTracing();

const http = require('http');
const server = http.createServer((req, res) => res.end('ok'));
server.listen(8080);

process.on('SIGTERM', () => {
  server.close(() => {
    sdk.shutdown().finally(() => process.exit(0)); // expect: provider-not-shutdown
  });
});
