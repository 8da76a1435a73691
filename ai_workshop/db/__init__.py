"""The database under the models: engine tuning, SQLite's write lock and sync, insert-once, ids.

Nothing here knows a workshop; features reach the database through the models and these.
"""
