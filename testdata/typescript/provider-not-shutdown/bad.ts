// Started and never shut down: whatever is still batched when the process stops is lost.
import type { IncomingMessage, ServerResponse } from 'http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] }); // expect: provider-not-shutdown
sdk.start();

import * as http from 'http';
http.createServer((req: IncomingMessage, res: ServerResponse) => res.end('ok')).listen(8080);
