/** Atomic JSON snapshots (write a temp file, then rename) with batched saves and an explicit flush. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function readJsonFile(path: string): Promise<unknown | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read state file ${path}: ${(error as Error).message}`);
  }
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify(value));
  await rename(temp, path);
}

/** Coalesces change notifications into at most one write per `delayMs`; `flush()` writes now. */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => unknown,
    private readonly delayMs = 25,
  ) {}

  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch((error: unknown) => {
        console.error(`[edge] failed to persist ${this.path}:`, error);
      });
    }, this.delayMs);
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    // Serialise writes so an older snapshot never renames over a newer one.
    const next = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      await writeJsonAtomic(this.path, this.snapshot());
    });
    this.writing = next.catch(() => undefined);
    await next;
  }
}
