// Interface strings in English, part by part as the Vietnamese catalogue (i18n/en/*). Loaded on
// demand by i18n/catalogue.ts when English is chosen.
import type { Messages } from './messages';
import { shellMessages } from './en/shell';
import { detailsMessages } from './en/details';
import { panelsMessages } from './en/panels';
import { presentationMessages } from './en/presentation';
import { importsMessages } from './en/imports';
import { editorMessages } from './en/editor';
import { exportMessages } from './en/export';
import { compareMessages } from './en/compare';
import { sketchMessages } from './en/sketch';
import { investorMessages } from './en/investor';
import { obligationsMessages } from './en/obligations';
import { replayMessages } from './en/replay';
import { pagesMessages } from './en/pages';
import { statsMessages } from './en/stats';

export const en: Messages = {
  ...shellMessages,
  ...detailsMessages,
  ...panelsMessages,
  ...presentationMessages,
  ...importsMessages,
  ...editorMessages,
  ...exportMessages,
  ...compareMessages,
  ...sketchMessages,
  ...investorMessages,
  ...obligationsMessages,
  ...replayMessages,
  ...pagesMessages,
  ...statsMessages,
};
