import { committedModel } from './committed';
import { FEATURE_DEFINITIONS } from './features';
import { MODEL_FORMAT, type ModelNode, ModelFileError, loadModel } from './model';
import modelFile from './model/credit-model.json';
import { MODEL_VERSION } from './version';

function tinyModel(trees: ModelNode[], features = [{ key: 'attr2', monotone: 1, missing: 'learned' }]) {
  return {
    format: MODEL_FORMAT,
    formatVersion: 1,
    modelVersion: 'test',
    training: {
      dataset: 'test.csv',
      sha256: '0'.repeat(64),
      rows: 10,
      bankrupt: 1,
      seed: 1,
      hyperparameters: {},
      cvAuc: { mean: 0.5, sd: 0 },
      cvKs: 0,
      plattCalibration: { intercept: 0, slope: 1 },
    },
    features,
    base: -2,
    trees,
  };
}

const split = (missing: 'left' | 'right' | 'average', low: number, high: number): ModelNode => ({
  feature: 0,
  threshold: 0.5,
  missing,
  cover: 10,
  left: { value: low, cover: 6 },
  right: { value: high, cover: 4 },
});

describe('the committed model', () => {
  it('loads, carries the package version and uses only catalogued features', () => {
    const model = committedModel();
    expect(model.modelVersion).toBe(MODEL_VERSION);
    expect(model.features.map((f) => f.key)).toEqual(FEATURE_DEFINITIONS.map((f) => f.key));
    expect(model.file.training.rows).toBe(4728);
    expect(model.file.training.bankrupt).toBe(328);
  });

  it('has its cross-validated AUC recorded with it', () => {
    const { cvAuc } = committedModel().file.training;
    expect(cvAuc.mean).toBeGreaterThan(0.8);
    expect(cvAuc.sd).toBeGreaterThan(0);
  });
});

describe('loadModel', () => {
  it('accepts a well-formed model and computes its average log-odds from the covers', () => {
    const model = loadModel(tinyModel([split('left', -1, 1)]));
    expect(model.expectedLogit).toBeCloseTo(-2 + (6 * -1 + 4 * 1) / 10, 12);
  });

  it('refuses what is not a model file, naming the place', () => {
    expect(() => loadModel(null)).toThrow(ModelFileError);
    expect(() => loadModel({ ...tinyModel([split('left', -1, 1)]), format: 'other' })).toThrow(/format/);
    expect(() => loadModel({ ...tinyModel([split('left', -1, 1)]), extra: 1 })).toThrow(ModelFileError);
    expect(() => loadModel(tinyModel([{ value: 'x' } as unknown as ModelNode]))).toThrow(/trees\.0/);
  });

  it('refuses features outside the catalogue or disagreeing with it', () => {
    expect(() => loadModel(tinyModel([{ value: 0, cover: 1 }], [{ key: 'attr29', monotone: 1, missing: 'learned' }]))).toThrow(
      /attr29 is not a ratio Keeper computes/,
    );
    expect(() => loadModel(tinyModel([{ value: 0, cover: 1 }], [{ key: 'attr2', monotone: -1, missing: 'learned' }]))).toThrow(
      /disagrees with the feature catalogue/,
    );
  });

  it('refuses a split on a feature it does not list', () => {
    const tree = { ...split('left', -1, 1), feature: 3 } as ModelNode;
    expect(() => loadModel(tinyModel([tree]))).toThrow(/feature index 3 is out of range/);
  });

  it('refuses a tree that is not monotone in the feature direction', () => {
    // attr2 (debt to assets) may only raise the risk as it grows.
    expect(() => loadModel(tinyModel([split('left', 1, -1)]))).toThrow(/breaks its direction/);
    const deep: ModelNode = { ...split('left', -1, 1), right: { ...split('right', -2, 3), cover: 4 } };
    expect(() => loadModel(tinyModel([deep]))).toThrow(/breaks its direction/);
  });

  it('requires a neutral feature to average over missing values', () => {
    const features = [{ key: 'attr21', monotone: -1, missing: 'neutral' }];
    expect(() => loadModel(tinyModel([split('left', 1, -1)], features))).toThrow(/must go both ways/);
    expect(() => loadModel(tinyModel([split('average', 1, -1)], features))).not.toThrow();
  });

  it('round-trips the committed file through JSON', () => {
    expect(loadModel(JSON.parse(JSON.stringify(modelFile))).file).toEqual(committedModel().file);
  });
});
