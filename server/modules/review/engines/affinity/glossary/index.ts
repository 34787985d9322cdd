import { compileGlossary } from '../glossary.js';
import { COMMON } from './common.js';
import { ENERGY_ENVIRONMENT } from './energy-environment.js';
import { ICT_BIO } from './ict-bio.js';
import { MATERIALS_MANUFACTURING } from './materials-manufacturing.js';

/** Every entry of the committed zh↔en technical glossary, specific fields before common vocabulary. */
export const GLOSSARY_ENTRIES = [...ENERGY_ENVIRONMENT, ...MATERIALS_MANUFACTURING, ...ICT_BIO, ...COMMON];

/** The compiled default glossary used by the bilingual model. */
export const DEFAULT_GLOSSARY = compileGlossary(GLOSSARY_ENTRIES);
