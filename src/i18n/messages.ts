// Interface strings in Vietnamese, the default language, one part per area of the app (i18n/vi/*).
// The English catalogue (messagesEn.ts, i18n/en/*) has the same keys, typed by these, so a missing
// translation is a type error; it is a chunk of its own that loads when English is chosen
// (i18n/catalogue.ts), which keeps it off the start-up path.
import { shellMessages } from './vi/shell';
import { detailsMessages } from './vi/details';
import { panelsMessages } from './vi/panels';
import { presentationMessages } from './vi/presentation';
import { importsMessages } from './vi/imports';
import { editorMessages } from './vi/editor';
import { exportMessages } from './vi/export';
import { compareMessages } from './vi/compare';
import { sketchMessages } from './vi/sketch';
import { investorMessages } from './vi/investor';
import { obligationsMessages } from './vi/obligations';
import { replayMessages } from './vi/replay';
import { pagesMessages } from './vi/pages';
import { statsMessages } from './vi/stats';

export const vi = {
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

type Messages = typeof vi;

export type MessageKey = keyof Messages;
export type { Messages };
