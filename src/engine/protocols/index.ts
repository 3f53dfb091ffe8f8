import type { ProtocolName } from '../types';
import type { Protocol } from './protocol';
import { primaryBackup } from './primary-backup';
import { pull } from './pull';
import { push } from './push';
import { pushPull } from './push-pull';
import { rumor } from './rumor';

export const protocols: Record<ProtocolName, Protocol> = {
  push,
  pull,
  'push-pull': pushPull,
  rumor,
  'primary-backup': primaryBackup,
};
