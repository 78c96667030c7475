/** `extendTTL` (two-way): refreshes the expiry of all the connection's rows, answers `ttl-extended`. */

import { clientFrameService } from './runtime/services.js';
import { createTwoWayHandler } from './runtime/two-way.js';

export const handler = createTwoWayHandler({ frames: clientFrameService() });
