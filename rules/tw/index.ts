// Taiwan accessibility conventions (網站無障礙規範 codes and government-site practice), category accessibility.
import type { Rule } from '../../core/types.ts';
import { absoluteFontSize } from './absolute-font-size.ts';
import { accessibilityMark } from './accessibility-mark.ts';
import { accessibilityMarkExpired } from './accessibility-mark-expired.ts';
import { decorativeImageTitle } from './decorative-image-title.ts';
import { guideBricks } from './guide-bricks.ts';
import { markAtRisk } from './mark-at-risk.ts';
import { newWindow } from './new-window.ts';
import { openFormats } from './open-formats.ts';
import { skipLink } from './skip-link.ts';
import { zoomLocked } from './zoom-locked.ts';

export const twRules: Rule[] = [
  skipLink,
  guideBricks,
  accessibilityMark,
  accessibilityMarkExpired,
  newWindow,
  openFormats,
  decorativeImageTitle,
  absoluteFontSize,
  zoomLocked,
  markAtRisk,
];
