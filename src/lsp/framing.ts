import { Transform, type TransformCallback } from 'node:stream';

/**
 * The largest message accepted. An editor sends a whole file in `didOpen`; kubeknit lints files of
 * up to 50 MiB (`--max-file-size`), which JSON escaping can grow. A larger announced length is a
 * client that lost count, not a message worth buffering.
 */
export const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
/** Headers are a line or two (`Content-Length`, maybe `Content-Type`). */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Checks the base-protocol framing (`Content-Length: N\r\n\r\n` and N bytes of body) of the bytes on
 * their way to the message reader, and forwards them unchanged. At the first header that is not
 * well-formed (no `Content-Length`, not a decimal number, above `MAX_MESSAGE_BYTES`, headers that
 * never end) or a stream that ends inside a message, it stops forwarding and calls `onLost`: no later
 * byte can be trusted to start a message, so the server ends instead of waiting for one.
 */
export class FramingGuard extends Transform {
  private header = Buffer.alloc(0);
  private bodyLeft = 0;
  private lost = false;

  constructor(private readonly onLost: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.lost) return done();
    let offset = 0;
    let forward = chunk.length;
    while (offset < chunk.length) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - offset);
        this.bodyLeft -= taken;
        offset += taken;
        continue;
      }
      // Headers are searched in a bounded window: the carried-over start of the header, then this chunk.
      const carried = this.header.length;
      const window = chunk.subarray(offset, offset + MAX_HEADER_BYTES + HEADER_END.length);
      const pending = carried ? Buffer.concat([this.header, window]) : window;
      const end = pending.indexOf(HEADER_END, Math.max(0, carried - (HEADER_END.length - 1)));
      if (end < 0) {
        if (pending.length > MAX_HEADER_BYTES) forward = this.fail(offset, `no end of headers within ${MAX_HEADER_BYTES} bytes`);
        else this.header = Buffer.from(pending); // the rest of the chunk: the headers go on in the next one
        break;
      }
      const problem = this.readHeaders(pending.subarray(0, end).toString('latin1'));
      this.header = Buffer.alloc(0);
      if (problem) {
        forward = this.fail(offset, problem);
        break;
      }
      const consumed = end + HEADER_END.length - carried;
      offset += consumed;
    }
    if (forward > 0) this.push(forward === chunk.length ? chunk : chunk.subarray(0, forward));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.lost && (this.bodyLeft > 0 || this.header.length > 0)) this.fail(0, 'the stream ended inside a message');
    done();
  }

  /** Sets `bodyLeft` from the header block, or says what is wrong with it. */
  private readHeaders(block: string): string | undefined {
    let length: string | undefined;
    for (const line of block.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) return 'a header line is not "Name: value"';
      if (line.slice(0, colon).trim().toLowerCase() === 'content-length') length = line.slice(colon + 1).trim();
    }
    if (length === undefined) return 'a message has no Content-Length header';
    if (!/^\d{1,12}$/.test(length)) return 'Content-Length is not a decimal number';
    const bytes = Number(length);
    if (bytes > MAX_MESSAGE_BYTES) return `Content-Length ${bytes} is above the ${MAX_MESSAGE_BYTES}-byte limit`;
    this.bodyLeft = bytes;
    return undefined;
  }

  /** Stops forwarding; returns how many bytes of the current chunk still go through (those before the bad header). */
  private fail(forwardUpTo: number, reason: string): number {
    this.lost = true;
    this.header = Buffer.alloc(0);
    this.onLost(reason);
    return forwardUpTo;
  }
}
