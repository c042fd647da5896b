// Prints "database" and/or "redis" for each service that does not answer within 3 seconds; nothing when both do.
const path = require('path');
const req = (m) => require(require.resolve(m, { paths: [path.join(__dirname, '../../packages/db'), path.join(__dirname, '../../apps/api')] }));
const down = [];
async function main() {
  const mysql = req('mysql2/promise');
  const Redis = req('ioredis');
  const url = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/sen');
  url.pathname = '/';
  try {
    const c = await mysql.createConnection({ uri: url.toString(), connectTimeout: 3000 });
    await c.query('SELECT 1');
    await c.end();
  } catch {
    down.push('database');
  }
  const r = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
  } catch {
    down.push('redis');
  }
  r.disconnect();
  if (down.length) console.log(down.join(' '));
}
main().then(() => process.exit(0));
