/**
 * The one list of the features that put a block on Home (src/home/providers.ts): each module
 * registers its provider when imported. A feature adds its `home-provider.ts` here; the order of
 * these lines does not matter (blocks are sorted by rank). The only file of src/home/ that
 * imports feature modules (scripts/check-boundaries.mjs).
 */
import '../auth/home-provider.ts';
import '../otp/home-provider.ts';
import '../password/home-provider.ts';
