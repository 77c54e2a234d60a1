// Security hygiene of the site as a whole (HTTPS, certificate, headers, listings), category security.
import type { Rule } from '../../core/types.ts';
import { directoryListing } from './directory-listing.ts';
import { securityHeaders } from './headers.ts';
import { mixedContent } from './mixed-content.ts';
import { noHsts } from './no-hsts.ts';
import { noHttps } from './no-https.ts';
import { tlsCertificate } from './tls-certificate.ts';

export const securityRules: Rule[] = [noHttps, mixedContent, noHsts, directoryListing, tlsCertificate, securityHeaders];
