// Government site rules (tw-rules §2 #19–41): site elements on the start page, metadata,
// exposed national IDs, and site-level HTTP hygiene (broken links, soft 404, robots/sitemap).
import type { Rule } from '../../core/types.ts';
import { privacyPolicy } from './privacy-policy.ts';
import { securityPolicy } from './security-policy.ts';
import { openDataDeclaration } from './open-data-declaration.ts';
import { sitemapPage } from './sitemap-page.ts';
import { contactInfo } from './contact-info.ts';
import { siteSearch } from './site-search.ts';
import { englishVersion } from './english-version.ts';
import { mobileViewport } from './mobile-viewport.ts';
import { infoDisclosure } from './info-disclosure.ts';
import { metadata } from './metadata.ts';
import { nationalIdExposed } from './national-id-exposed.ts';
import { brokenLinks } from './broken-links.ts';
import { brokenExternalLinks } from './broken-external-links.ts';
import { soft404 } from './soft-404.ts';
import { robotsSitemap } from './robots-sitemap.ts';

export const govRules: Rule[] = [
  privacyPolicy,
  securityPolicy,
  openDataDeclaration,
  sitemapPage,
  contactInfo,
  siteSearch,
  englishVersion,
  mobileViewport,
  infoDisclosure,
  metadata,
  nationalIdExposed,
  brokenLinks,
  brokenExternalLinks,
  soft404,
  robotsSitemap,
];
