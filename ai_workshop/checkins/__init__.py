"""The follow-through after the room: check-ins, progress, new stories, reminders, the next cycle."""
