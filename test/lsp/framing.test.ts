import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FramingGuard, MAX_MESSAGE_BYTES } from '../../src/lsp/framing.js';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Feeds `chunks` through a guard; resolves with what it forwarded and why it gave up, if it did. */
async function through(chunks: Array<string | Buffer>): Promise<{ forwarded: string; lost?: string }> {
  let lost: string | undefined;
  const guard = new FramingGuard((reason) => (lost ??= reason));
  const out: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => guard.on('end', resolve));
  const input = new PassThrough();
  input.pipe(guard);
  for (const chunk of chunks) input.write(chunk);
  input.end();
  await done;
  return { forwarded: Buffer.concat(out).toString('utf8'), lost };
}

describe('FramingGuard: well-framed traffic passes unchanged', () => {
  const messages = [frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'), frame('{"text":"é ☃ \\r\\n\\r\\n Content-Length: x"}'), frame('')];
  const stream = messages.join('');

  it('in one chunk', async () => {
    expect(await through([stream])).toEqual({ forwarded: stream, lost: undefined });
  });

  it('one byte at a time (headers and multi-byte characters split across chunks)', async () => {
    const bytes = Buffer.from(stream);
    expect(await through([...bytes].map((b) => Buffer.from([b])))).toEqual({ forwarded: stream, lost: undefined });
  });

  it('any messages, cut into chunks anywhere, go through unchanged (property)', async () => {
    const message = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('\r\n\r\n', 'Content-Length: 5\r\n\r\n', '\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.array(message, { maxLength: 6 }), fc.array(fc.nat({ max: 64 }), { maxLength: 12 }), async (bodies, cuts) => {
        const bytes = Buffer.from(bodies.map((b) => frame(JSON.stringify({ text: b }))).join(''));
        const chunks: Buffer[] = [];
        let at = 0;
        for (const cut of cuts) {
          chunks.push(bytes.subarray(at, Math.min(bytes.length, at + cut)));
          at = Math.min(bytes.length, at + cut);
        }
        chunks.push(bytes.subarray(at));
        const result = await through(chunks.filter((c) => c.length));
        expect(result.lost).toBeUndefined();
        expect(result.forwarded).toBe(bytes.toString('utf8'));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  it('with a Content-Type header and any header case', async () => {
    const body = '{"id":2}';
    const text = `content-length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;
    expect(await through([text])).toEqual({ forwarded: text, lost: undefined });
  });
});

describe('FramingGuard: the first broken header stops the stream', () => {
  const good = frame('{"id":1}');
  it.each([
    ['no Content-Length', 'Foo: bar\r\n\r\n{}', /no Content-Length/],
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}', /not a decimal number/],
    ['a Content-Length with trailing junk', 'Content-Length: 2x\r\n\r\n{}', /not a decimal number/],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}', /not a decimal number/],
    ['a Content-Length above the limit', `Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n{}`, /above the/],
    ['a line that is not a header', 'hello\r\n\r\n', /not "Name: value"/],
    ['headers that never end', 'X-Pad: ' + 'a'.repeat(10_000), /no end of headers/],
  ])('%s: the messages before it go through, nothing after', async (_name, bad, reason) => {
    const result = await through([good + bad, good]);
    expect(result.lost).toMatch(reason);
    expect(result.forwarded).toBe(good);
  });

  it('a body shorter than announced, then the end of the stream', async () => {
    const result = await through(['Content-Length: 100\r\n\r\n{"id":1}']);
    expect(result.lost).toMatch(/ended inside a message/);
  });
});
