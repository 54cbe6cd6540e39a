/**
 * zod as every schema of the app imports it. In a browser, zod is told not to compile parsers
 * with `new Function`: the server's Content-Security-Policy forbids eval, and zod's probe for it,
 * though caught, is reported by the browser as a violation. Node (the relay, the build) keeps the
 * compiled parsers, which are faster.
 */
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
