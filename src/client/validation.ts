/**
 * `wspush/client/validation`: the contract's payload validators for the client, and nothing else (no frame,
 * envelope or job schema). Opt in with `connect({ ..., validatePayloads: payloadValidation })`; a client that
 * does not import this module carries no validator at all.
 */
import { topicPayloadValidators, userPayloadValidators } from '../../generated/payload-validation.js';
import { matchTopic } from '../../generated/topics.js';
import type { PayloadValidation } from './client-options.js';

export const payloadValidation: PayloadValidation = {
  topic: (name) => {
    const match = matchTopic(name);
    return match.ok ? match.definition.validate : undefined;
  },
  userMessages: userPayloadValidators,
};

export { topicPayloadValidators, userPayloadValidators };
