/**
 * Imported first by the pane's entry. zod compiles object parsers with `new Function` when it
 * may; the page's Content-Security-Policy forbids eval, and even zod's probe for it is reported
 * as a violation. Jitless mode parses without generating code.
 */
import { z } from 'zod';

z.config({ jitless: true });
