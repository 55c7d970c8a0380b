"""The manager's screens (to come)."""
