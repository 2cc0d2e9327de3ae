import type { Lang } from '../shared/i18n.js';
import { CAMPAIGN_EN } from './campaignText.en.js';
import { CAMPAIGN_FA, type CampaignText } from './campaignText.fa.js';

export type { CampaignText };
export const CAMPAIGN: Record<Lang, CampaignText> = { fa: CAMPAIGN_FA, en: CAMPAIGN_EN };
