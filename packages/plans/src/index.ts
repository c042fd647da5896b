/** @sen/plans: the plan model, import from Word/text/Markdown, export to the official Word document, and plan rules. */
export * from './model';
export * from './import';
export * from './export';
export * from './time';
export * from './numbering';
export * from './lifecycle';
export * from './cascade';
export * from './links';
export {
  foldVietnamese,
  compareVietnamese,
  parseVietnameseNumber,
  formatVietnameseNumber,
  upperVietnamese,
  tokenize,
} from './text/vietnamese';
