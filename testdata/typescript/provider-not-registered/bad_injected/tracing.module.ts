import { Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OtelSdkProvider } from './tracing.provider';
import { WORKER_TOKEN } from './tracing.provider';

@Module({ providers: [OtelSdkProvider] })
export class TracingModule implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(WORKER_TOKEN) private readonly sdk: { start(): Promise<void>; shutdown(): Promise<void> }) {}

  async onModuleInit() {
    await this.sdk.start();
  }

  async onModuleDestroy() {
    await this.sdk.shutdown();
  }
}
