/**
 * The version of the committed model. Bump it whenever the training data, the features or the
 * procedure change, and retrain: decisions store the version they were made with.
 */
export const MODEL_VERSION = 'keeper-pd-2026.11.1';
