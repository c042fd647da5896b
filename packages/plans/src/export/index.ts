export { exportPlanDocx, exportPlanText, renderOfficialDocx, PAGE, type OfficialDocument, type OfficialTable } from './docx';
export { layoutPlan, layoutToText, numberLine, dateLine, KIND_TITLES, type DocumentLayout, type Block, type Run } from './layout';
export { block, officialHeader, recipientBlocks, signatureBlocks, NATIONAL_NAME, NATIONAL_MOTTO, type OfficialHeader, type OfficialSignatory } from './official';
export { bodySections, preambleText, legalBasisClause, obligationSentence, timeText } from './compose';
