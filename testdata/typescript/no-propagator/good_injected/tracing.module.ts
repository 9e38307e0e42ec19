import { Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OtelSdkProvider } from './tracing.provider';
import { SDK_TOKEN } from './tracing.provider';

@Module({ providers: [OtelSdkProvider] })
export class TracingModule implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(SDK_TOKEN) private readonly sdk: NodeSDK) {}

  async onModuleInit() {
    await this.sdk.start();
  }

  async onModuleDestroy() {
    await this.sdk.shutdown();
  }
}
