// The floor for bench/startup.ts: node with tsx's loader and an express server answering GET /healthz, nothing else.
import express from 'express';
import type { AddressInfo } from 'node:net';

const app = express();
app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});
const server = app.listen(Number(process.env.PORT ?? 0), () => {
  process.stderr.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, msg: 'CKEx bot listening' })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
