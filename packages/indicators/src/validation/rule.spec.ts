import { RuleDefinitionError, RuleSyntaxError } from '../shared/errors';
import { defineRule, parsedRule, Rule } from './rule';

const rule: Rule = { code: 'NEW_LE_MEMBERS', expression: 'NEW_MEMBERS <= MEMBERS', message: 'Hội viên mới không vượt tổng số', severity: 'error' };

describe('defineRule', () => {
  it('returns a frozen copy of a valid rule', () => {
    const r = defineRule(rule, ['NEW_MEMBERS', 'MEMBERS']);
    expect(r).toEqual(rule);
    expect(Object.isFrozen(r)).toBe(true);
  });

  it.each([
    [{ code: 'new members' }, 'code'],
    [{ severity: 'info' }, 'severity'],
    [{ message: ' ' }, 'message'],
  ])('rejects %j naming the field', (over, field) => {
    try {
      defineRule({ ...rule, ...over } as Rule);
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleDefinitionError);
      expect((e as RuleDefinitionError).field).toBe(field);
    }
  });

  it('names the rule in a syntax error', () => {
    try {
      defineRule({ ...rule, expression: 'NEW_MEMBERS =< MEMBERS' });
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleSyntaxError);
      const err = e as RuleSyntaxError;
      expect(err.rule).toBe('NEW_LE_MEMBERS');
      expect(err.position).toBe(12);
      expect(err.message).toBe('Unexpected "=": use "==" to compare at position 12 in rule NEW_LE_MEMBERS: NEW_MEMBERS =< MEMBERS');
    }
  });

  it('rejects unknown indicators when given the known ones', () => {
    expect(() => defineRule(rule, ['MEMBERS'])).toThrow('Unknown indicator NEW_MEMBERS');
  });
});

describe('parsedRule', () => {
  it('caches per rule object and re-parses an edited expression', () => {
    const r = { ...rule };
    expect(parsedRule(r)).toBe(parsedRule(r));
    r.expression = 'MEMBERS >= 0';
    expect(parsedRule(r).references).toEqual(['MEMBERS']);
  });
});
