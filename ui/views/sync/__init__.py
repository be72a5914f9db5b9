"""Office sync in the main window: the 同步 button and the conflicts list."""
