import type { BuildContext } from './build-context.js';
import { loadContext } from './build-context.js';
import { buildCrossScript } from './categories/cross-script.js';
import { buildNickname } from './categories/nickname.js';
import { buildOrderSwap } from './categories/order-swap.js';
import { PairCollector } from './categories/pair-collector.js';
import { buildTransliteration } from './categories/transliteration.js';
import { buildTypo } from './categories/typo.js';
import type { Prng } from './prng.js';

export const seed = 20_251_126;
/** Pairs per label and category: 650 positives and 650 negatives, so each category has 1,300. */
export const pairsPerLabel = 650;

export function buildPairs(prng: Prng, context: BuildContext = loadContext(prng.fork('sources'))): PairCollector {
  const collector = new PairCollector();
  buildCrossScript(context, collector, prng.fork('cross_script'), pairsPerLabel);
  buildTransliteration(context, collector, prng.fork('transliteration'), pairsPerLabel);
  buildTypo(context, collector, prng.fork('typo'), pairsPerLabel);
  buildNickname(context, collector, prng.fork('nickname'), pairsPerLabel);
  buildOrderSwap(context, collector, prng.fork('order_swap'), pairsPerLabel);
  return collector;
}
