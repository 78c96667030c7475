/** `extendTTL` (two-way): refreshes the expiry of all the connection's rows, answers `ttl-extended`. */

import { createClientFrameRoute } from './runtime/client-frame-route.js';
import { clientFrameService } from './runtime/services.js';

export const handler = createClientFrameRoute({ frames: clientFrameService() });
