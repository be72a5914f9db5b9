"""Secrets through keyring, the database key, the app lock."""
