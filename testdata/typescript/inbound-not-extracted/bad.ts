// Framework instrumentation alone does not extract: only HTTP instrumentation creates the
import type { Request, Response } from 'express';
// server span from the incoming traceparent. No gRPC or Kafka instrumentation either.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';

const sdk = new NodeSDK({ instrumentations: [new ExpressInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

import express from 'express';
import * as grpc from '@grpc/grpc-js';
import { Kafka } from 'kafkajs';

const app = express();
app.get('/cart', (req: Request, res: Response) => res.json([])); // expect: inbound-not-extracted
app.post('/cart', (req: Request, res: Response) => res.sendStatus(201));
app.listen(8080);

const server = new grpc.Server(); // expect: inbound-not-extracted
server.bindAsync('0.0.0.0:7070', grpc.ServerCredentials.createInsecure(), () => {});

const kafka = new Kafka({ brokers: ['kafka:9092'] });
const consumer = kafka.consumer({ groupId: 'carts' });
consumer.run({ eachMessage: async ({ message }) => handle(message) }); // expect: inbound-not-extracted

function handle() {}
