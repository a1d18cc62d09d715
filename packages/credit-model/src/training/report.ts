import type { TrainingReport } from './train';

export function renderReport(report: TrainingReport): string {
  return `# ${report.modelVersion}\n\n(report rendering pending)\n\nCV AUC ${report.crossValidation.meanAuc}\n`;
}
