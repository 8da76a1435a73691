"""Backups an operator can trust: `flask backup` and `flask restore`, on SQLite and PostgreSQL."""
