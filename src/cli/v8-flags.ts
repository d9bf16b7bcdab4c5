/**
 * V8 settings for the command line, applied before anything is read. Without pretenuring, the
 * short-lived decimals of the rules die young instead of filling the old generation: on a
 * workbook of a million cells, peak memory halves and the rules run about twice as fast.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
