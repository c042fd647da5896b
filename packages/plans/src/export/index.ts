export { exportPlanDocx, exportPlanText, PAGE } from './docx';
export { layoutPlan, layoutToText, numberLine, dateLine, KIND_TITLES, type DocumentLayout, type Block, type Run } from './layout';
export { bodySections, preambleText, legalBasisClause, obligationSentence, timeText } from './compose';
