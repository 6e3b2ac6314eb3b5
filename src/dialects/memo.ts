import type { Model } from '../model';

/**
 * A pure function of one string, remembered: canonical spellings of types and expressions are asked for again and again
 * (a thousand tables repeat a few dozen types and defaults), and parsing them is most of normalising a model. At most
 * `limit` answers are kept (then the memo starts again), so a long-lived process using the library holds no more.
 * Only for functions whose answer depends on the string alone and is never changed by a caller (return frozen objects).
 */
export function memoizeByString<T>(compute: (text: string) => T, limit = 10_000): (text: string) => T {
  let answers = new Map<string, T>();
  return (text: string): T => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as T;
    const answer = compute(text);
    if (answers.size >= limit) answers = new Map();
    answers.set(text, answer);
    return answer;
  };
}

/**
 * A dialect's model normaliser, remembered per model object: planning asks for the canonical form of the same models
 * more than once (introspection returns one, the plan normalises both sides again), and models are never changed once
 * made. A model the normaliser returned is its own canonical form (normalising is idempotent), so it is returned as
 * it is. Weakly held: nothing is kept once the models are gone.
 */
export function memoizeByModel(normalize: (model: Model) => Model): (model: Model) => Model {
  const canonical = new WeakSet<Model>();
  const canonicalOf = new WeakMap<Model, Model>();
  return (model: Model): Model => {
    if (canonical.has(model)) return model;
    const known = canonicalOf.get(model);
    if (known) return known;
    const normalized = normalize(model);
    canonical.add(normalized);
    canonicalOf.set(model, normalized);
    return normalized;
  };
}
