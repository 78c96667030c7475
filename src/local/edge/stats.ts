/** Request counts per service and action, read by the benchmark's cost model (`GET /_local/stats`). */
export type EdgeService = 'dynamodb' | 'sqs' | 'sns' | 'connections' | 'local' | 'unknown';

export class EdgeStats {
  private counts: Record<string, Record<string, number>> = {};

  count(service: EdgeService, action: string): void {
    const perService = this.counts[service] ?? {};
    this.counts[service] = perService;
    perService[action] = (perService[action] ?? 0) + 1;
  }

  snapshot(): Record<string, Record<string, number>> {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = {};
  }
}
