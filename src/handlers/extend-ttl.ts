/** `extendTTL` (two-way): refreshes the expiry of all the connection's rows, answers `ttl-extended`. */
import { createTwoWayHandler } from './runtime/two-way.js';
import { clientFrameService } from './runtime/services.js';

export const handler = createTwoWayHandler({ frames: clientFrameService() });
