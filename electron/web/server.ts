import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../backend/engine/engine';
import { isChannelName } from '../../shared/contract';
import { serveStatic } from './static';
import { WorkbenchError, toWireError } from '../backend/errors';

export interface WebHost {
  url: string; // includes the token, for the user to open
  origin: string;
  token: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  /** The engine: in its own worker thread for `rwb serve`, so the host answers while a job runs. */
  engine: Engine;
  rendererDir: string;
  port?: number;
  token?: string;
  uploadDir?: string;
  /** Largest upload accepted (bytes). */
  maxUploadBytes?: number;
}

const MAX_JSON_BYTES = 10 * 1024 * 1024;
// A client export of ten years of order lines is a few hundred MB of CSV; beyond 1 GB a file is not
// an export a consultant imports through a browser tab, and writing it in full would fill the disk.
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
// EventSource and a download link cannot set a header: only these GET routes take the token from the
// query string, so a token that leaks into a log or the history cannot drive a state-changing call.
const QUERY_TOKEN_ROUTES = new Set(['events', 'download']);

/**
 * Browser mode: the real renderer and the same contract over HTTP, on 127.0.0.1 only. Every /api
 * request must carry the per-launch token (header, or query for EventSource), and the Host header
 * must be ours, so another web page cannot drive the engine (DNS rebinding, CSRF).
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  // Uploaded client files are copies of personal data: keep them in a private temp folder that is
  // removed when the host stops, never beside the consultant's documents.
  const uploadDir = opts.uploadDir ?? mkdtempSync(join(tmpdir(), 'rwb-uploads-'));
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A coded error is the caller's to see; anything else stays in the log, with no internal path or
      // stack trace in the answer.
      if (err instanceof WorkbenchError) {
        if (!res.headersSent) sendJson(res, err.code === 'UPLOAD_TOO_LARGE' ? 413 : 400, { ok: false, error: toWireError(err) });
        else res.end();
        return;
      }
      console.error('[rwb web]', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: new WorkbenchError('INTERNAL', { detail: 'web host' }).toWire() });
      else res.end();
    });
  });

  function tokenOk(req: IncomingMessage, url: URL, route: string): boolean {
    const fromQuery = req.method === 'GET' && QUERY_TOKEN_ROUTES.has(route) ? url.searchParams.get('token') : null;
    const given = req.headers['x-workbench-token'] ?? fromQuery ?? '';
    const a = Buffer.from(String(given));
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('wrong host');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
      decodeURIComponent(url.pathname);
    } catch {
      sendJson(res, 400, { ok: false, error: new WorkbenchError('BAD_REQUEST', { detail: 'malformed path' }).toWire() });
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
      serveStatic(opts.rendererDir, url.pathname, res);
      return;
    }
    const route = url.pathname.slice('/api/'.length);
    if (!tokenOk(req, url, route)) {
      sendJson(res, 401, { ok: false, error: new WorkbenchError('UNAUTHORIZED').toWire() });
      return;
    }
    // A state-changing request from a browser carries its page's Origin: only our own page's is
    // accepted (a request with none comes from a program on this machine holding the token).
    const origin = req.headers.origin;
    if (req.method !== 'GET' && req.method !== 'HEAD' && origin !== undefined && origin !== `http://${host}`) {
      sendJson(res, 403, { ok: false, error: new WorkbenchError('FORBIDDEN_ORIGIN', { origin }).toWire() });
      return;
    }
    if (route === 'events' && req.method === 'GET') return serveEvents(req, res);
    if (route === 'upload' && req.method === 'POST') return receiveUpload(req, res, url);
    if (route === 'download' && req.method === 'GET') return sendDownload(res, url);
    if (req.method !== 'POST') return void res.writeHead(405).end();
    if (!isChannelName(route)) {
      sendJson(res, 404, { ok: false, error: new WorkbenchError('UNKNOWN_CHANNEL', { channel: route.slice(0, 100) }).toWire() });
      return;
    }
    const body = await readJson(req);
    sendJson(res, 200, await opts.engine.call(route, body));
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = opts.engine.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  // The browser cannot hand the engine a file path, so a chosen file is streamed here first.
  async function receiveUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = basename(url.searchParams.get('name') ?? 'upload.bin').replace(/[^\p{L}\p{N}._() -]/gu, '_');
    const limit = opts.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => new WorkbenchError('UPLOAD_TOO_LARGE', { limitMb: Math.round(limit / 1024 / 1024) });
    if (declared > limit) {
      req.resume();
      throw tooLarge();
    }
    const dir = join(uploadDir, randomUUID());
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    let received = 0;
    const counted = async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        received += chunk.length;
        if (received > limit) throw tooLarge();
        yield chunk;
      }
    };
    try {
      await pipeline(req, counted, createWriteStream(path));
    } catch (err) {
      // Nothing of a refused upload stays on disk.
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    sendJson(res, 200, { ok: true, value: { path } });
  }

  // The browser cannot open a path on disk: an exported report is fetched here. Only files this
  // engine exported in this session are served, never an arbitrary path.
  async function sendDownload(res: ServerResponse, url: URL): Promise<void> {
    const path = url.searchParams.get('path') ?? '';
    if (!path || !(await opts.engine.isExportedFile(path)) || !existsSync(path)) {
      sendJson(res, 404, { ok: false, error: new WorkbenchError('DOWNLOAD_NOT_FOUND', { path }).toWire() });
      return;
    }
    const name = basename(path);
    res.writeHead(200, {
      'content-type': name.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-length': String(statSync(path).size),
      'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(path).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    token,
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          if (!opts.uploadDir) rmSync(uploadDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_JSON_BYTES) throw new WorkbenchError('INVALID_ARGUMENTS', { detail: 'request too large' });
    chunks.push(buf);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new WorkbenchError('INVALID_ARGUMENTS', { detail: 'body is not JSON' });
  }
}
