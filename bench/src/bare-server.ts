/**
 * The floor of the api overhead figure: a bare Fastify (the api's version) answering the api's liveness route
 * with the same body, nothing else — no Nest, no hooks, no logging. Started by the harness on PORT.
 */
import Fastify from 'fastify';

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  app.get('/health/live', async () => ({ status: 'ok' }));
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  console.log(`bare fastify listening on ${process.env.PORT ?? '?'}`);
  const close = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
