// Taiwan accessibility conventions (網站無障礙規範 codes and government-site practice), category governance
// (they count toward the governance score: rules of Taiwanese government sites beyond WCAG).
import type { Rule } from '../../core/types.ts';
import { absoluteFontSize } from './absolute-font-size.ts';
import { accessibilityMark } from './accessibility-mark.ts';
import { accessibilityMarkExpired } from './accessibility-mark-expired.ts';
import { decorativeImageTitle } from './decorative-image-title.ts';
import { guideBricks } from './guide-bricks.ts';
import { markAtRisk } from './mark-at-risk.ts';
import { newWindow } from './new-window.ts';
import { openFormats } from './open-formats.ts';
import { selfOpeningWindows } from './self-opening-windows.ts';
import { skipLink } from './skip-link.ts';
import { zoomLocked } from './zoom-locked.ts';
// 網站無障礙規範 machine-check (C) codes without an axe equivalent, or stricter than axe (★).
import { absoluteColumnWidth } from './absolute-column-width.ts';
import { absoluteLineHeight } from './absolute-line-height.ts';
import { adjacentLinkDuplicate } from './adjacent-link-duplicate.ts';
import { bidiDirection } from './bidi-direction.ts';
import { descendantLang } from './descendant-lang.ts';
import { emptyNav } from './empty-nav.ts';
import { fieldsetLegend } from './fieldset-legend.ts';
import { fixedColours } from './fixed-colours.ts';
import { formFieldLabel } from './form-field-label.ts';
import { groupedChoices } from './grouped-choices.ts';
import { headingStructure } from './heading-structure.ts';
import { frameTitle, iframeTitle } from './iframe-title.ts';
import { imgAltAttribute } from './img-alt-attribute.ts';
import { linkTitleInContext } from './link-title-in-context.ts';
import { linkTitleStandalone } from './link-title-standalone.ts';
import { pageHeadings } from './page-headings.ts';
import { selectOptgroup } from './select-optgroup.ts';
import { tableHeaderScope } from './table-header-scope.ts';
import { textArtTitle } from './text-art-title.ts';

export const twRules: Rule[] = [
  skipLink,
  guideBricks,
  accessibilityMark,
  accessibilityMarkExpired,
  newWindow,
  selfOpeningWindows,
  openFormats,
  decorativeImageTitle,
  absoluteFontSize,
  zoomLocked,
  imgAltAttribute,
  textArtTitle,
  headingStructure,
  tableHeaderScope,
  selectOptgroup,
  formFieldLabel,
  fieldsetLegend,
  groupedChoices,
  bidiDirection,
  emptyNav,
  adjacentLinkDuplicate,
  linkTitleInContext,
  iframeTitle,
  frameTitle,
  descendantLang,
  fixedColours,
  absoluteColumnWidth,
  absoluteLineHeight,
  linkTitleStandalone,
  pageHeadings,
  markAtRisk,
];
