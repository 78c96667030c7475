import * as pulumi from '@pulumi/pulumi';

/** Reads `ns:key` from the stack configuration as Pulumi passes it to the program (raw string or undefined). */
export function pulumiConfigValue(fullKey: string): string | undefined {
  const separator = fullKey.indexOf(':');
  return new pulumi.Config(fullKey.slice(0, separator)).get(fullKey.slice(separator + 1));
}
