// HTTP, gRPC and Kafka instrumentation extract for every server of the service.
import type { Request, Response } from 'express';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';

const sdk = new NodeSDK({
  instrumentations: [
    new HttpInstrumentation(),
    new ExpressInstrumentation(),
    new GrpcInstrumentation(),
    new KafkaJsInstrumentation(),
  ],
});
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

import express from 'express';
import * as grpc from '@grpc/grpc-js';
import { Kafka } from 'kafkajs';

const app = express();
app.get('/cart', (req: Request, res: Response) => res.json([]));
app.listen(8080);

const server = new grpc.Server();
server.bindAsync('0.0.0.0:7070', grpc.ServerCredentials.createInsecure(), () => {});

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'carts' });
