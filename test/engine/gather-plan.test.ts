// The gather plan is the union of the selected rules' `requires`: fewer rules, less gathered.
import { describe, expect, it } from 'vitest';
import { ALL_RULES, selectRules } from '../../rules/index.ts';
import { gatherPlan } from '../../worker/gather-plan.ts';

describe('gatherPlan', () => {
  it('--only accessibility: axe and the accessibility structures, no tab order, no narrow layout, no site probes', () => {
    const plan = gatherPlan(selectRules(['accessibility']));
    expect(plan.start.axe).toBe(true);
    expect(plan.start.focusOrder).toBe(false);
    expect(plan.start.narrowLayout).toBe(false);
    expect(plan.start.inPage).toEqual(expect.arrayContaining(['tables', 'headings', 'landmarks', 'textBackgrounds']));
    expect(plan.start.inPage).not.toContain('stylesheets');
    expect(Object.values(plan.site).filter(Boolean)).toEqual([]);
  });

  it('governance gathers the tab order, the 320 px layout on the start page only, link checks and the soft-404 probe', () => {
    const plan = gatherPlan(selectRules(['governance']));
    expect(plan.start.focusOrder).toBe(true);
    expect(plan.start.narrowLayout).toBe(true);
    expect(plan.other.narrowLayout).toBe(false);
    // tw/mark-at-risk judges the site's code verdicts, which axe-core results feed: off, no axe.
    expect(plan.start.axe).toBe(true);
    expect(gatherPlan(selectRules(['governance'], ['tw/mark-at-risk'])).start.axe).toBe(false);
    expect(plan.site.linkChecks).toBe(true);
    expect(plan.site.soft404).toBe(true);
    expect(plan.site.lighthouse).toBe(false);
    expect(plan.site.tls).toBe(false);
  });

  it('turning a rule off stops gathering what only it needed', () => {
    expect(gatherPlan(selectRules(['governance'])).start.inPage).toContain('stylesheets');
    const off = gatherPlan(selectRules(['governance'], ['tw/skip-link', 'tw/absolute-font-size'], 'AA'));
    expect(off.start.focusOrder).toBe(false);
    expect(off.start.inPage).not.toContain('stylesheets');
    // At AAA the CSS code rules (CS3140800C–CS3140802C) read the stylesheets.
    expect(gatherPlan(selectRules(['governance'], ['tw/skip-link', 'tw/absolute-font-size'], 'AAA')).start.inPage).toContain('stylesheets');
    expect(gatherPlan(selectRules(['governance'], ['gov/broken-links', 'gov/broken-external-links'])).site.linkChecks).toBe(false);
    expect(gatherPlan(selectRules(['security'], ['security/tls-certificate'])).site.tls).toBe(false);
  });

  it('all categories gather every artifact some rule declares', () => {
    const plan = gatherPlan(ALL_RULES);
    expect(ALL_RULES.length).toBeGreaterThan(30);
    for (const rule of ALL_RULES) {
      expect(rule.meta.requires.length, rule.meta.id).toBeGreaterThan(0);
      for (const name of rule.meta.requires) expect(plan.artifacts, rule.meta.id).toContain(name);
    }
    expect(Object.values(plan.site).every(Boolean)).toBe(true);
  });
});
