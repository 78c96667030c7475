/**
 * What the console page offers, read from `asyncapi.yaml` at start: the topics (with the roles they require)
 * and the user message types, each with the first payload example of its message, to prefill the forms.
 * Examples are documentation, not code, so they are not in `generated/`; reading the contract keeps the page
 * in step with it without a build step.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export interface CatalogEntry {
  name: string;
  description?: string;
  roles: string[];
  example: unknown;
  /** A topic family (`jobs.{jobId}`): a concrete topic of it, each parameter its first example (`jobs.8812`). */
  sample?: string;
}

export interface ContractCatalog {
  topics: CatalogEntry[];
  userMessageTypes: CatalogEntry[];
}

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` such as `#/components/messages/Announcement`. */
function deref(root: Node, value: unknown): Node | undefined {
  if (!isNode(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) node = isNode(node) ? node[part] : undefined;
  return deref(root, node);
}

function firstExample(message: Node | undefined): unknown {
  const examples = message?.examples;
  const first: unknown = Array.isArray(examples) ? examples[0] : undefined;
  return isNode(first) ? first.payload : undefined;
}

/** The address with each `{parameter}` segment replaced by that parameter's first example. */
function sampleTopic(address: string, parameters: Record<string, unknown>): string {
  return address
    .split('.')
    .map((segment) => {
      if (!segment.startsWith('{')) return segment;
      const parameter = parameters[segment.slice(1, -1)];
      const examples = isNode(parameter) ? parameter.examples : undefined;
      return Array.isArray(examples) && typeof examples[0] === 'string' ? examples[0] : segment;
    })
    .join('.');
}

export function catalogFromContract(document: unknown): ContractCatalog {
  if (!isNode(document)) throw new Error('asyncapi.yaml is not a YAML mapping');
  const topics: CatalogEntry[] = [];
  const userMessageTypes: CatalogEntry[] = [];
  const channels = isNode(document.channels) ? document.channels : {};
  for (const channel of Object.values(channels)) {
    if (!isNode(channel)) continue;
    const messages = isNode(channel.messages) ? Object.values(channel.messages) : [];
    const topic = channel['x-topic'];
    if (isNode(topic) && typeof channel.address === 'string') {
      const access = isNode(topic.access) ? topic.access : {};
      const entry: CatalogEntry = {
        name: channel.address,
        roles: Array.isArray(access.roles) ? access.roles.map(String) : [],
        example: firstExample(deref(document, messages[0])),
      };
      if (typeof channel.description === 'string') entry.description = channel.description.trim();
      const sample = sampleTopic(channel.address, isNode(channel.parameters) ? channel.parameters : {});
      if (sample !== channel.address) entry.sample = sample;
      topics.push(entry);
    }
    for (const ref of messages) {
      const message = deref(document, ref);
      const userMessage = message?.['x-user-message'];
      if (isNode(userMessage) && typeof userMessage.type === 'string') {
        userMessageTypes.push({ name: userMessage.type, roles: [], example: firstExample(message) });
      }
    }
  }
  return { topics, userMessageTypes };
}

export async function loadContractCatalog(path: string): Promise<ContractCatalog> {
  return catalogFromContract(parse(await readFile(path, 'utf8')));
}
