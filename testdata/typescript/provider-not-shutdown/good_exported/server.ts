import { sdk } from './tracing';
import type { IncomingMessage, ServerResponse } from 'http';
import * as http from 'http';

const server = http.createServer((req: IncomingMessage, res: ServerResponse) => res.end('ok'));
server.listen(8080);
process.on('SIGTERM', () => server.close(() => sdk.shutdown()));
