/**
 * A stand-in for the daily papers API on 127.0.0.1 and a free port: it
 * answers each request with the next scripted reply (recorded responses from
 * the fixtures, errors, silence) and records what it was asked, and when.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query, e.g. `/api/daily_papers?date=2025-03-14&…`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when it arrived. */
  at: number;
}

/** One scripted reply: a status, headers and a body, or `hang` to never answer. */
export type Reply = { status: number; headers?: Record<string, string>; body?: string | Uint8Array } | 'hang';

/** A running stand-in API. */
export interface RecordedApi {
  /** The endpoint to put in DAILY_PAPERS_URL. */
  url: string;
  /** Every request so far. */
  seen: SeenRequest[];
  /** Queues replies; when the queue is empty, the server answers 599 so a missing reply shows. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

/** A JSON reply with status 200. */
export function ok(body: string | Uint8Array): Reply {
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

/** Starts the stand-in API. */
export async function startRecordedApi(): Promise<RecordedApi> {
  const seen: SeenRequest[] = [];
  const queue: Reply[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: performance.now() });
    const reply = queue.shift() ?? { status: 599, body: 'no reply was scripted for this request' };
    if (reply === 'hang') {
      hanging.push(res);
      return;
    }
    res.writeHead(reply.status, reply.headers).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/daily_papers`,
    seen,
    reply: (...replies) => queue.push(...replies),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
