/** The ids of the actions every screen has (the palette and the shortcut sheet themselves). */
export const BUILTIN_ACTION_IDS = {
  commandPalette: 'help.commandPalette',
  shortcutSheet: 'help.shortcutSheet',
} as const;
