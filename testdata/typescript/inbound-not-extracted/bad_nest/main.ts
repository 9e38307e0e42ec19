import { sdk } from './tracing';

async function bootstrap(): Promise<void> {
  sdk.start();
  process.on('SIGTERM', () => sdk.shutdown());
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
bootstrap();
