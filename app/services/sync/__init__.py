"""Office sync on the laptop: enrolment, the sync round, USB bundles, status (sync.md)."""
