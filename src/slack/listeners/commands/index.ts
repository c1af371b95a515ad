import type { ListenerGroup } from '../types.js';
import { SRM_COMMAND, srmCommand } from './srm.js';

export const registerCommands: ListenerGroup = (app, deps) => {
  app.command(SRM_COMMAND, srmCommand(deps));
};
