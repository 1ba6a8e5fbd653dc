/** `<crm-rfm-matrix>`: importing this module registers the tag. */
import { defineElement } from '../define.js';
import { CrmRfmMatrix } from './rfm-matrix.js';

export { CrmRfmMatrix, type RfmColorBy, type RfmListRow, type RfmMatrixResult } from './rfm-matrix.js';
export { buildRfmMatrix, integerScoreRanges, parseBinsAttribute, rfmSettingsFromAttributes, cellIndex } from './rfm-matrix-model.js';
export type { RfmCell, RfmMatrixModel, ScoreSpan } from './rfm-matrix-model.js';
export { rfmMatrixMessages } from './messages.js';

defineElement('crm-rfm-matrix', CrmRfmMatrix);

declare global {
  interface HTMLElementTagNameMap {
    'crm-rfm-matrix': CrmRfmMatrix;
  }
}
