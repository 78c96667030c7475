/**
 * Watches the raw bytes a client sends and reports the first data frame whose payload exceeds the frame limit.
 *
 * `ws` only enforces a limit on whole messages (`maxPayload`, which we set to the 128 KB message limit);
 * API Gateway also limits each frame to 32 KB. Reading the frame headers is enough: the payload bytes are
 * skipped, never copied. Per-message compression is off on the gateway, so wire length = payload length.
 */
/** Shared by every guard between frame headers (one per idle connection would be pure overhead). */
const NO_HEADER: Buffer = Buffer.alloc(0);

export class FrameSizeGuard {
  private header: Buffer = NO_HEADER;
  private payloadRemaining = 0;
  private violated = false;

  constructor(private readonly maxFrameBytes: number) {}

  /** Feeds a chunk of the client's byte stream; returns the offending frame's length the first time one is seen. */
  push(chunk: Buffer): number | undefined {
    if (this.violated) return undefined;
    let offset = 0;
    while (offset < chunk.length) {
      if (this.payloadRemaining > 0) {
        const skip = Math.min(this.payloadRemaining, chunk.length - offset);
        this.payloadRemaining -= skip;
        offset += skip;
        continue;
      }
      // Accumulate just enough header bytes (2 to 14) to know the payload length.
      const needed = this.headerLength();
      const take = Math.min(needed - this.header.length, chunk.length - offset);
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (this.header.length < this.headerLength()) continue;
      const opcode = (this.header[0] as number) & 0x0f;
      const length = this.payloadLength();
      this.header = NO_HEADER;
      this.payloadRemaining = length;
      // Opcodes 0x0 (continuation), 0x1 (text), 0x2 (binary) carry data; control frames are ≤ 125 bytes.
      if (opcode <= 0x2 && length > this.maxFrameBytes) {
        this.violated = true;
        return length;
      }
    }
    return undefined;
  }

  /** The full header length given what has been read so far (2 until the length byte is known). */
  private headerLength(): number {
    if (this.header.length < 2) return 2;
    const second = this.header[1] as number;
    const masked = (second & 0x80) !== 0;
    const len7 = second & 0x7f;
    const extended = len7 === 126 ? 2 : len7 === 127 ? 8 : 0;
    return 2 + extended + (masked ? 4 : 0);
  }

  private payloadLength(): number {
    const len7 = (this.header[1] as number) & 0x7f;
    if (len7 === 126) return this.header.readUInt16BE(2);
    if (len7 === 127) return Number(this.header.readBigUInt64BE(2));
    return len7;
  }
}
