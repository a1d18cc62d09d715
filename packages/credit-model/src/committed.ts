import type { CreditModel } from './model';
import { loadModel } from './model';
import modelFile from './model/credit-model.json';

let cached: CreditModel | undefined;

/** The committed, versioned model (src/model/credit-model.json), validated on first use. */
export function committedModel(): CreditModel {
  cached ??= loadModel(modelFile);
  return cached;
}
