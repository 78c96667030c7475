import { describe, expect, it } from 'vitest';
import { createSignalPolicy, FORCE_AFTER_MS } from './stop-signals.js';

describe('stop signals of npm start', () => {
  it('the first signal stops; a repeat within the window (npm forwarding Ctrl+C) is the same stop; a later one forces', () => {
    let now = 1_000;
    const decide = createSignalPolicy(() => now);
    expect(decide('SIGINT')).toBe('stop');
    now += 5;
    expect(decide('SIGINT')).toBe('same-stop');
    expect(decide('SIGTERM')).toBe('same-stop');
    now += FORCE_AFTER_MS;
    expect(decide('SIGINT')).toBe('force');
  });
});
