/**
 * Delivers topic and user messages to the application: drops duplicates by message id, validates payloads when
 * the application opted in, and calls the handlers of the exact name and of every matching family filter.
 * A throwing handler is reported as an `error` event and never stops the others.
 */
import type { FieldError } from '../../generated/field-errors.js';
import type { TopicMessageFrame, UserMessageFrame } from '../../generated/models.js';
import { type ClientEvents, messageOf } from './client-events.js';
import type { PayloadValidation, PayloadValidator } from './client-options.js';
import { MessageIdWindow } from './dedup.js';
import type { EmitFn } from './emitter.js';
import { topicMatchesFilter } from './topic-set.js';

export type TopicHandler = (payload: never, frame: TopicMessageFrame) => void;
export type UserHandler = (payload: never, frame: UserMessageFrame) => void;

export class MessageDispatcher {
  private readonly topicHandlers = new Map<string, Set<TopicHandler>>();
  private readonly userHandlers = new Map<string, Set<UserHandler>>();
  private readonly dedup: MessageIdWindow;

  constructor(
    private readonly validation: PayloadValidation | undefined,
    dedupCapacity: number,
    private readonly emit: EmitFn<ClientEvents>,
  ) {
    this.dedup = new MessageIdWindow(dedupCapacity);
  }

  /** Adds a handler for a topic name or family filter; returns a function that removes it. */
  onTopic(filter: string, handler: TopicHandler): () => void {
    return addHandler(this.topicHandlers, filter, handler);
  }

  onUserMessage(type: string, handler: UserHandler): () => void {
    return addHandler(this.userHandlers, type, handler);
  }

  topic(frame: TopicMessageFrame): void {
    if (typeof frame.id !== 'string' || this.dedup.seen(frame.id)) return;
    if (this.validation) {
      const validate = typeof frame.topic === 'string' ? this.validation.topic(frame.topic) : undefined;
      const errors = payloadErrors(validate, frame.payload, 'topic', frame.topic);
      if (errors) {
        this.emit('invalid-message', { frame, errors });
        return;
      }
    }
    this.deliver(frame, this.topicHandlersFor(frame.topic));
  }

  user(frame: UserMessageFrame): void {
    if (typeof frame.id !== 'string' || this.dedup.seen(frame.id)) return;
    if (this.validation) {
      const validators = this.validation.userMessages;
      const validate = Object.hasOwn(validators, frame.type) ? validators[frame.type] : undefined;
      const errors = payloadErrors(validate, frame.payload, 'type', frame.type);
      if (errors) {
        this.emit('invalid-message', { frame, errors });
        return;
      }
    }
    this.deliver(frame, this.userHandlers.get(frame.type));
  }

  /** Handlers of the exact name and of every matching family filter. */
  private topicHandlersFor(topic: string): Set<TopicHandler> {
    const handlers = new Set<TopicHandler>();
    for (const [filter, set] of this.topicHandlers)
      if (topicMatchesFilter(filter, topic)) for (const handler of set) handlers.add(handler);
    return handlers;
  }

  private deliver<F extends TopicMessageFrame | UserMessageFrame>(
    frame: F,
    handlers: Set<(payload: never, frame: F) => void> | undefined,
  ): void {
    for (const handler of [...(handlers ?? [])]) {
      try {
        handler(frame.payload as never, frame);
      } catch (error) {
        this.emit('error', new Error(`message handler threw: ${messageOf(error)}`));
      }
    }
    for (const error of this.emit('message', frame)) {
      this.emit('error', new Error(`message listener threw: ${messageOf(error)}`));
    }
  }
}

function addHandler<H>(map: Map<string, Set<H>>, key: string, handler: H): () => void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(handler);
  return () => {
    set.delete(handler);
  };
}

/** The payload's errors (fields prefixed `payload.`), or an error naming an unknown topic or type. */
function payloadErrors(
  validate: PayloadValidator | undefined,
  payload: unknown,
  field: 'topic' | 'type',
  name: string,
): FieldError[] | undefined {
  if (!validate) {
    const what = field === 'topic' ? 'topic' : 'user message type';
    return [{ field, keyword: 'enum', message: `unknown ${what} ${JSON.stringify(name)}` }];
  }
  const result = validate(payload);
  return result.ok ? undefined : result.errors.map((e) => ({ ...e, field: prefixField('payload', e.field) }));
}

function prefixField(prefix: string, field: string): string {
  return field === '(root)' || field === '' ? prefix : `${prefix}.${field}`;
}
