/** Fixture for function-needs.test.ts (the function-sdk-calls.ts detector): ports the fixture handlers call through (never run, only analysed). */
export interface ItemStore {
  read(id: string): Promise<unknown>;
  write(id: string): Promise<void>;
}

export interface Notifier {
  notify(id: string): Promise<void>;
}
