"""Windows, wizard pages, dialogs and widgets."""
